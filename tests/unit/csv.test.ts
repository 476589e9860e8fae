import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "@/lib/http/csv";

describe("safeCell", () => {
  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(safeCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("-2")).toBe("'-2");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("\tx")).toBe("'\tx");
    expect(safeCell("\rx")).toBe("'\rx");
    expect(safeCell("plain = text")).toBe("plain = text");
    expect(safeCell(-3.5)).toBe(-3.5);
    expect(safeCell(null)).toBe("");
  });
});

describe("toCsv", () => {
  it("survives a round trip through a CSV parser with commas, quotes, newlines and Chinese", () => {
    const rows = [
      ["a, b", 'say "hi"', "line one\nline two", 1.25],
      ["深化改革", "=1+1", "", 0],
    ];
    const csv = toCsv(["w", "x", "y", "z"], rows);
    expect(csv.startsWith("w,x,y,z\r\n")).toBe(true);
    expect(parse(csv, { columns: true })).toEqual([
      { w: "a, b", x: 'say "hi"', y: "line one\nline two", z: "1.25" },
      { w: "深化改革", x: "'=1+1", y: "", z: "0" },
    ]);
  });

  it("carries provenance as trailing columns on every row, so standard parsers read it", () => {
    const csv = toCsv(["v"], [[1], [2]], { codebookVersion: "cb-1", coding: "consensus", view: "theme=reform", generatedAt: "2026-11-22T00:00:00.000Z" });
    const parsed = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0])).toEqual(["v", "codebook_version", "coding", "view", "generated_at"]);
    expect(parsed.map((r) => r.view)).toEqual(["theme=reform", "theme=reform"]);
  });
});
