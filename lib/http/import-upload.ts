import "server-only";
// Import in the app: files uploaded as JSON (name + base64 bytes, so the server reads the very
// bytes the user chose and refuses what is not UTF-8 exactly as `npm run import` does), the
// user's corrections per row, and the dry run's or the import's answer as plain rows for the
// page. The write itself is lib/writes/import.ts, the same as the command line's.
import path from "node:path";
import { z } from "zod";
import { decodeText } from "../corpus/read-text";
import { isTableFile, readTable, rowInput } from "../corpus/table";
import { MAX_FILE_BYTES } from "../corpus/limits";
import { APP_BUSY_TIMEOUT_MS, databaseUrl } from "../db/create";
import { importArticles, importSummary, type FileOutcome, type ImportInput } from "../writes/import";
import type { WriteResult } from "../writes/result";

/** Files per upload: what a page can show in one table. Larger sets go through `npm run import`. */
export const MAX_UPLOAD_FILES = 100;
/** All files of one upload together (their bytes), four times the largest single file. */
export const MAX_UPLOAD_BYTES = 4 * MAX_FILE_BYTES;
/** The JSON request itself: base64 is 4/3 of the bytes, plus names and corrections. */
export const MAX_REQUEST_BYTES = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 1024 * 1024;

const field = z.string().trim().max(1000).optional();
const correction = z.object({ title: field, date: z.string().trim().max(20).optional(), source: field, publisher: field }).strict();

export const importRequestSchema = z
  .object({
    files: z
      .array(
        z.object({
          name: z.string().trim().min(1, "a file needs a name").max(255),
          /** the file's bytes, base64 */
          content: z.string().max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, `a file is at most ${MAX_FILE_BYTES.toLocaleString("en")} bytes`),
        }),
      )
      .min(1, "choose at least one file")
      .max(MAX_UPLOAD_FILES, `at most ${MAX_UPLOAD_FILES} files at once (use npm run import for more)`),
    dryRun: z.boolean(),
    /** Corrections by row number (the `index` of the dry run's rows); an empty field corrects nothing. */
    corrections: z.record(z.string().regex(/^\d+$/, "rows are numbered"), correction).default({}),
    nearDuplicates: z.enum(["report", "replace", "keep-both"]).default("report"),
  })
  .strict();
export type ImportRequest = z.infer<typeof importRequestSchema>;

type OrgCell = { name: string; slug: string; isNew: boolean; from: string } | null;

/** One row of the page's table: a file, or a row of a CSV / JSON Lines file. */
export type ImportRow = {
  index: number;
  file: string;
  status: FileOutcome["status"];
  /** the stored article (imported, replaced) or the one it repeats (duplicate) */
  slug: string | null;
  title: string | null;
  date: string | null;
  dateFrom: string | null;
  source: OrgCell;
  publisher: OrgCell;
  words: number | null;
  problems: string[];
  nearDuplicate: { slug: string; title: string; similarity: number } | null;
};
export type ImportAnswer = { dryRun: boolean; summary: string; rows: ImportRow[] };

const base64Bytes = (b64: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) return null;
  return new Uint8Array(Buffer.from(b64, "base64"));
};

/** The uploaded files as import inputs, in order: a file per input, a table file a row per input. */
export function uploadInputs(files: ImportRequest["files"]): ImportInput[] | string {
  let total = 0;
  const inputs: ImportInput[] = [];
  for (const f of files) {
    const name = path.basename(f.name.replace(/\\/g, "/"));
    const bytes = base64Bytes(f.content);
    if (!bytes) {
      inputs.push({ file: name, unreadable: "the upload is not base64" });
      continue;
    }
    total += bytes.length;
    if (total > MAX_UPLOAD_BYTES) return `the files come to more than ${MAX_UPLOAD_BYTES.toLocaleString("en")} bytes; upload fewer at once (or use npm run import)`;
    if (/\.(qdpx|qdc|qde)$/i.test(name)) {
      inputs.push({ file: name, unreadable: "REFI-QDA projects are imported with npm run import, not in the app" });
      continue;
    }
    if (!/\.(txt|html?|csv|jsonl|ndjson)$/i.test(name)) {
      inputs.push({ file: name, unreadable: "only .txt, .html, .htm, .csv, .jsonl and .ndjson files are imported" });
      continue;
    }
    const r = decodeText(bytes);
    if (!r.ok) {
      inputs.push({ file: name, unreadable: r.reason });
      continue;
    }
    if (!isTableFile(name)) {
      inputs.push({ file: name, raw: r.text });
      continue;
    }
    const t = readTable(name, r.text);
    if (t.fileError) inputs.push({ file: name, unreadable: t.fileError.slice(name.length + 2) });
    else for (const e of t.entries) inputs.push("reason" in e ? { file: e.label, unreadable: e.reason, row: true } : { ...rowInput(e), row: true });
  }
  return inputs;
}

function withCorrections(inputs: ImportInput[], corrections: ImportRequest["corrections"]): ImportInput[] | string {
  for (const k of Object.keys(corrections)) if (Number(k) >= inputs.length) return `corrections.${k}: there is no row ${k}`;
  return inputs.map((input, i) => {
    const c = corrections[String(i)];
    if (!c || "unreadable" in input) return input;
    const given = Object.fromEntries(Object.entries(c).filter(([, v]) => v)) as Record<string, string>;
    // A corrected date is the user's statement on import, as --date is on the command line.
    if (!Object.keys(given).length) return input;
    return { ...input, overrides: { ...input.overrides, ...given, ...(given.date ? { dateFrom: undefined } : {}), corrected: Object.keys(given) as ("title" | "date" | "source" | "publisher")[] } };
  });
}

const org = (o: { name: string; slug: string; isNew: boolean; from: string } | null): OrgCell => (o ? { name: o.name, slug: o.slug, isNew: o.isNew, from: o.from } : null);

export function answerRows(outcomes: readonly FileOutcome[]): ImportRow[] {
  return outcomes.map((o, index) => {
    const d = "detected" in o ? o.detected : null;
    const near = o.status === "near-duplicate" ? o.of : "resembles" in o && o.resembles ? o.resembles : null;
    return {
      index,
      file: o.file,
      status: o.status,
      slug: o.status === "imported" || o.status === "replaced" ? o.slug : o.status === "duplicate" ? o.of : null,
      title: d?.title ?? null,
      date: d?.date ?? null,
      dateFrom: d?.dateNote ?? null,
      source: org(d?.source ?? null),
      publisher: org(d?.publisher ?? null),
      words: d?.wordCount ?? null,
      // The command line's hints ("give --date") say, on the page, where the fix goes.
      problems: o.status === "failed" ? [o.reason] : (d?.undetermined ?? []).map((p) => p.replace(/ ?\(give --(title|date|source|publisher)\)/, (_, f: string) => ` (correct the ${f} in this row)`)),
      nearDuplicate: near,
    };
  });
}

/** The dry run or the import of an upload, as the route answers it. */
export async function runUpload(req: ImportRequest): Promise<WriteResult<ImportAnswer>> {
  const inputs = uploadInputs(req.files);
  if (typeof inputs === "string") return { ok: false, status: 400, issues: [{ field: "files", message: inputs }] };
  const corrected = withCorrections(inputs, req.corrections);
  if (typeof corrected === "string") return { ok: false, status: 400, issues: [{ field: "corrections", message: corrected.split(": ").slice(1).join(": ") }] };
  // The server's own wait for another writer's lock (an `npm run import` beside it): short, the rest between retries.
  const outcomes = await importArticles(databaseUrl(), corrected, { dryRun: req.dryRun, nearDuplicates: req.nearDuplicates, busyTimeoutMs: APP_BUSY_TIMEOUT_MS });
  return { ok: true, value: { dryRun: req.dryRun, summary: importSummary(outcomes, req.dryRun), rows: answerRows(outcomes) } };
}
