// The run's summary counts rows of CSV / JSON Lines files as rows and other inputs as files.
import { describe, expect, it } from "vitest";
import { importSummary, unitsText, type FileOutcome } from "@/lib/writes/import";

const failed = (file: string, row?: true): FileOutcome => ({ file, status: "failed", reason: "x", ...(row ? { row } : {}) });

describe("files and rows in reports", () => {
  it("says file(s), row(s), or both", () => {
    expect(unitsText([{}, {}])).toBe("2 file(s)");
    expect(unitsText([{ row: true }, { row: true }, { row: true }])).toBe("3 row(s)");
    expect(unitsText([{}, { row: true }, { row: true }])).toBe("1 file(s) and 2 row(s)");
    expect(unitsText([])).toBe("0 file(s)");
  });

  it("the summary of a run of rows names rows", () => {
    expect(importSummary([failed("a.csv:2", true), failed("a.csv:3", true), failed("b.txt")])).toBe("1 file(s) and 2 row(s): 0 imported, 0 duplicate(s) skipped, 3 failed.");
    expect(importSummary([failed("a.csv:2", true)], true)).toBe("Dry run, nothing written: 1 row(s): 0 would be imported, 0 duplicate(s), 1 failed.");
  });
});
