// CSV for R, pandas and Excel: UTF-8, RFC 4180 quoting by csv-stringify, and text cells that
// a spreadsheet would run as a formula (= + - @, tab, CR first) prefixed with a quote mark.
// Provenance rides along as trailing columns on every row, so any standard parser reads
// the file and no row loses where it came from.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a text cell against spreadsheet formula injection. Numbers are left alone. */
export function safeCell(v: CsvCell): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  return FORMULA_START.test(v) ? `'${v}` : v;
}

export type Provenance = { codebookVersion: string; coding: string; view: string; generatedAt: string };

/** Which codebook, which coding ("consensus" or a coder's name), which view, and when. */
export const PROVENANCE_COLUMNS = ["codebook_version", "coding", "view", "generated_at"] as const;

const OPTIONS = { record_delimiter: "\r\n", quoted_match: /[",\r\n]/ } as const;

/** Rows only, no header: for writing a long export a batch at a time. */
export function csvRows(rows: readonly CsvCell[][], provenance?: Provenance): string {
  const extra = provenance ? [provenance.codebookVersion, provenance.coding, provenance.view, provenance.generatedAt] : [];
  return stringify(rows.map((r) => [...r, ...extra].map(safeCell)), OPTIONS);
}

export function csvHeader(columns: readonly string[], provenance?: Provenance): string {
  return stringify([provenance ? [...columns, ...PROVENANCE_COLUMNS] : [...columns]], OPTIONS);
}

export function toCsv(columns: readonly string[], rows: readonly CsvCell[][], provenance?: Provenance): string {
  return csvHeader(columns, provenance) + csvRows(rows, provenance);
}
