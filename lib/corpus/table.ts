// Articles as rows of a spreadsheet or data file: CSV (RFC 4180, read by csv-parse) or JSON
// Lines (one JSON object per line), with the columns title, date, source, publisher, url, body
// and an optional date_precision. Every row is checked on its own and a bad one is reported as
// `file:line: reason` while the others import; a file whose header lacks title or body, or
// names a column we do not know, is refused whole (a misnamed column would drop data silently).
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { overrideDate, type ImportOverrides } from "./detect";
import { slugForFile } from "./identity";

export const TABLE_COLUMNS = ["title", "date", "date_precision", "source", "publisher", "url", "body"] as const;
const REQUIRED = ["title", "body"] as const;

export type TableRow = {
  /** "file:line", the label every message about the row carries */
  label: string;
  title: string;
  body: string;
  date?: string;
  source?: string;
  publisher?: string;
  url?: string;
};
export type RowError = { label: string; reason: string };
/** Every row in file order, each read or refused; or why the whole file is refused. */
export type TableRead = { entries: (TableRow | RowError)[]; fileError: string | null };

export const isTableFile = (file: string) => /\.(csv|jsonl|ndjson)$/i.test(file);

const cell = z
  .string()
  .transform((s) => s.trim())
  .optional();
const ROW = z.object({
  title: z.string({ error: "title is missing" }).trim().min(1, "title is empty").max(1000, "title is longer than 1,000 characters"),
  body: z.string({ error: "body is missing" }).trim().min(1, "body is empty"),
  date: cell,
  date_precision: cell,
  source: cell.pipe(z.string().max(300, "source is longer than 300 characters").optional()),
  publisher: cell.pipe(z.string().max(300, "publisher is longer than 300 characters").optional()),
  url: cell.pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "url must be an http(s) address" })]).optional()),
});

function checkRow(label: string, record: Record<string, unknown>): TableRow | RowError {
  const fail = (reason: string): RowError => ({ label, reason });
  const r = ROW.safeParse(record);
  if (!r.success) return fail(r.error.issues.map((i) => i.message).join("; "));
  const v = r.data;
  if (v.date) {
    const d = overrideDate(v.date);
    if (typeof d === "string") return fail(`date "${v.date}" must be YYYY-MM-DD, YYYY-MM, YYYY or "unknown"${d.includes(":") ? ` (${d.split(": ").slice(1).join(": ")})` : ""}`);
    if (v.date_precision && v.date_precision !== d.precision) return fail(`date_precision "${v.date_precision}" does not match the date "${v.date}" (${d.precision})`);
  } else if (v.date_precision && v.date_precision !== "unknown") {
    return fail(`date_precision "${v.date_precision}" without a date`);
  }
  return {
    label,
    title: v.title,
    body: v.body,
    date: v.date || undefined,
    source: v.source || undefined,
    publisher: v.publisher || undefined,
    url: v.url || undefined,
  };
}

function checkColumns(file: string, columns: string[]): string | null {
  const unknown = columns.filter((c) => !(TABLE_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return `${file}: unknown column(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the columns are ${TABLE_COLUMNS.join(", ")}`;
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) return `${file}: the column(s) ${missing.join(", ")} are missing`;
  return null;
}

export function readTable(file: string, text: string): TableRead {
  const entries: (TableRow | RowError)[] = [];
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      const label = `${file}:${i + 1}`;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (e) {
        entries.push({ label, reason: `not valid JSON (${(e as Error).message})` });
        continue;
      }
      if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
        entries.push({ label, reason: `must be a JSON object with ${TABLE_COLUMNS.join(", ")}` });
        continue;
      }
      const unknown = Object.keys(obj).filter((k) => !(TABLE_COLUMNS as readonly string[]).includes(k));
      if (unknown.length) {
        entries.push({ label, reason: `unknown field(s) ${unknown.map((k) => `"${k}"`).join(", ")}` });
        continue;
      }
      const nonString = Object.entries(obj).filter(([, v]) => v !== null && typeof v !== "string");
      if (nonString.length) {
        entries.push({ label, reason: `${nonString.map(([k]) => k).join(", ")} must be text` });
        continue;
      }
      const clean = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null));
      entries.push(checkRow(label, clean));
    }
    return { entries, fileError: null };
  }

  // CSV: the header first, so a wrong file is refused before any row is looked at.
  let records: { record: string[]; info: { bytes: number } }[];
  const csv = text.replace(/^\uFEFF/, "");
  try {
    records = parse(csv, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (e) {
    return { entries, fileError: `${file}: not valid CSV: ${(e as Error).message}` };
  }
  if (records.length === 0) return { entries, fileError: `${file}: the file is empty (no header row)` };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const bad = checkColumns(file, header);
  if (bad) return { entries, fileError: bad };
  // A row is named by the line it starts on (a quoted cell may span lines): count the line
  // breaks in the bytes before it, as csv-parse reports how many bytes each record ended at.
  const bytes = Buffer.from(csv, "utf8");
  let line = 1;
  let pos = 0;
  const lineAt = (offset: number): number => {
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) offset++; // skipped blank lines
    for (; pos < offset; pos++) if (bytes[pos] === 0x0a) line++;
    return line;
  };
  for (const [k, { record }] of records.entries()) {
    if (k === 0) continue;
    const label = `${file}:${lineAt(records[k - 1].info.bytes)}`;
    if (record.length !== header.length) {
      entries.push({ label, reason: `${record.length} cell(s), the header has ${header.length}` });
      continue;
    }
    entries.push(checkRow(label, Object.fromEntries(header.map((h, i) => [h, record[i]]))));
  }
  return { entries, fileError: null };
}

/**
 * A row as an import input: the title as the text's first line (so the cleaning rules take it
 * as the title, not the body's first paragraph) and the row's fields as its overrides. The slug
 * comes from the title; a clash gets -2, -3 as for any import.
 */
export function rowInput(row: TableRow): { file: string; raw: string; overrides: ImportOverrides } {
  const body = row.body.startsWith(row.title) && row.body.slice(row.title.length).match(/^\s*\n/) ? row.body.slice(row.title.length) : row.body;
  const overrides: ImportOverrides = {
    title: row.title,
    date: row.date,
    dateFrom: row.date ? `the date column of ${row.label}` : undefined,
    source: row.source,
    publisher: row.publisher,
    url: row.url,
    slug: slugForFile(row.title).slice(0, 60).replace(/-+$/, "") || `row-${slugForFile(row.label)}`,
  };
  // An empty cell says nothing: it must not blank out a --source or --date given for the run.
  for (const k of Object.keys(overrides) as (keyof ImportOverrides)[]) if (overrides[k] === undefined) delete overrides[k];
  return { file: row.label, raw: `${row.title}\n\n${body.trim()}`, overrides };
}
