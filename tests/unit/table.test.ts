import { describe, expect, it } from "vitest";
import { readTable, rowInput, type TableRow } from "@/lib/corpus/table";

const HEADER = "title,date,source,publisher,url,body";

describe("CSV rows", () => {
  it("names each bad row by the line it starts on, multi-line cells, blank lines and a BOM included", () => {
    const csv = `\uFEFF${HEADER}\r\nA,2023-04-18,SASAC,,,"Body one"\r\nB,2023-13,SASAC,,,"multi\r\nline\r\nbody"\r\n,2022,,,,x\r\n\r\nD,,,,ftp://x,y\r\nE,2023,,,"https://e.com/a",ok\r\nF,2023\r\n`;
    const t = readTable("a.csv", csv);
    expect(t.fileError).toBeNull();
    expect(t.entries).toEqual([
      { label: "a.csv:2", title: "A", body: "Body one", date: "2023-04-18", source: "SASAC", publisher: undefined, url: undefined },
      { label: "a.csv:3", reason: 'date "2023-13" must be YYYY-MM-DD, YYYY-MM, YYYY or "unknown" ("2023-13" is not a valid YYYY-MM month)' },
      { label: "a.csv:6", reason: "title is empty" },
      { label: "a.csv:8", reason: "url must be an http(s) address" },
      { label: "a.csv:9", title: "E", body: "ok", date: "2023", source: undefined, publisher: undefined, url: "https://e.com/a" },
      { label: "a.csv:10", reason: "2 cell(s), the header has 6" },
    ]);
  });

  it("checks date_precision against the date's shape", () => {
    const t = readTable("p.csv", "title,date,date_precision,body\nA,2023-04,month,x\nB,2023-04,day,x\nC,,year,x\n");
    expect(t.entries.map((e) => ("reason" in e ? e.reason : "ok"))).toEqual(["ok", 'date_precision "day" does not match the date "2023-04" (month)', 'date_precision "year" without a date']);
  });

  it("refuses a file whose header lacks title or body or names an unknown column", () => {
    expect(readTable("b.csv", "title,text\nA,b\n").fileError).toBe('b.csv: unknown column(s) "text"; the columns are title, date, date_precision, source, publisher, url, body');
    expect(readTable("c.csv", "title,date\nA,2020\n").fileError).toBe("c.csv: the column(s) body are missing");
    expect(readTable("d.csv", "").fileError).toBe("d.csv: the file is empty (no header row)");
    expect(readTable("e.csv", 'title,body\n"unclosed,x\n').fileError).toMatch(/^e\.csv: not valid CSV: /);
  });
});

describe("JSON Lines rows", () => {
  it("reads objects and names every bad line", () => {
    const t = readTable("c.jsonl", '{"title":"A","body":"x","date":"2024"}\n{bad\n\n{"title":"A","body":"x","extra":1}\n[1]\n{"title":"T","body":"b","date":5}\n{"title":"N","body":"b","source":null}\n');
    expect(t.entries.map((e) => ("reason" in e ? `${e.label}: ${e.reason.replace(/ \(.*/, "")}` : `${e.label}: ok`))).toEqual([
      "c.jsonl:1: ok",
      "c.jsonl:2: not valid JSON",
      'c.jsonl:4: unknown field(s) "extra"',
      "c.jsonl:5: must be a JSON object with title, date, date_precision, source, publisher, url, body",
      "c.jsonl:6: date must be text",
      "c.jsonl:7: ok",
    ]);
  });
});

describe("a row as an import input", () => {
  it("puts the title first once, states the date by its column, and leaves empty cells out of the overrides", () => {
    const row: TableRow = { label: "a.csv:2", title: "Big news", body: "Big news\n\nThe text.", date: "2023-04", source: "SASAC" };
    expect(rowInput(row)).toEqual({
      file: "a.csv:2",
      raw: "Big news\n\nThe text.",
      overrides: { title: "Big news", date: "2023-04", dateFrom: "the date column of a.csv:2", source: "SASAC", slug: "big-news" },
    });
    expect(rowInput({ label: "x.csv:9", title: "国资委", body: "正文。" }).overrides.slug).toBe("row-x-csv-9");
  });
});
