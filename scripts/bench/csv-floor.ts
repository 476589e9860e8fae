// The exports' floor: the same rows read with better-sqlite3's iterate() (raw arrays, one
// statement, no ORM) and written with the project's own csv-stringify settings (lib/http/csv.ts:
// RFC 4180 quoting, formula-neutralised cells, the provenance columns on every row), a chunk of
// rows at a time, into a sink that only counts bytes. What no server can beat for the same file.
// The cells are the app's (the same provenance: codebook version, consensus, view "all"), so
// the floor writes the very bytes the export writes, bar the time in generated_at.
import type Database from "better-sqlite3";
import { csvHeader, csvRows, type CsvCell, type Provenance } from "../../lib/http/csv";
import { ARTICLE_THEMES_COLUMNS, PASSAGES_COLUMNS } from "../../lib/http/exports";
import { csvDate } from "../../lib/measure/totals";
import { countWords } from "../../lib/measure/words";

export type CsvFloorResult = { ms: number; firstByteMs: number; bytes: number; rows: number };

/** The app's chunk (CHUNK_ROWS of lib/queries/exports.ts): stringifying smaller batches is faster. */
const CHUNK = 250;

function run(columns: readonly string[], rows: Iterable<CsvCell[]>, provenance: Provenance): CsvFloorResult {
  const t0 = performance.now();
  let bytes = Buffer.byteLength(csvHeader(columns, provenance));
  const firstByteMs = performance.now() - t0;
  let n = 0;
  let chunk: CsvCell[][] = [];
  for (const r of rows) {
    chunk.push(r);
    if (chunk.length === CHUNK) {
      bytes += Buffer.byteLength(csvRows(chunk, provenance));
      n += chunk.length;
      chunk = [];
    }
  }
  if (chunk.length) bytes += Buffer.byteLength(csvRows(chunk, provenance));
  n += chunk.length;
  return { ms: performance.now() - t0, firstByteMs, bytes, rows: n };
}

/** The provenance the app writes for the default view. */
function provenanceOf(db: Database.Database): Provenance {
  const codebook = db.prepare(`SELECT version FROM "Codebook" WHERE id = 1`).get() as { version: string } | undefined;
  return { codebookVersion: codebook?.version ?? "none", coding: "consensus", view: "all", generatedAt: new Date().toISOString() };
}

/** article-themes.csv of the default view: every counted article x theme of the consensus. */
export function articleThemesFloor(db: Database.Database): CsvFloorResult {
  const stmt = db
    .prepare(
      `SELECT a.slug, a."dateStart", a."datePrecision", a."dateBasis", a."codingStatus", o.slug, pub.slug, a."wordCount", t.slug, s."taggedWords", s.passages
       FROM "Article" a
       JOIN "ArticleTheme" s ON s."articleId" = a.id AND s.coder = 'consensus'
       JOIN "Theme" t ON t.id = s."themeId"
       JOIN "Organization" o ON o.id = a."sourceId"
       LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
       WHERE a."codingStatus" IN ('coded', 'reviewed')
       ORDER BY a.id, t."order"`,
    )
    .raw();
  function* rows(): Iterable<CsvCell[]> {
    for (const r of stmt.iterate() as IterableIterator<CsvCell[]>) {
      r[1] = csvDate(r[1] as string | null, r[2] as string);
      yield r;
    }
  }
  return run(ARTICLE_THEMES_COLUMNS, rows(), provenanceOf(db));
}

/**
 * passages.csv of the default view: every consensus passage of a counted article, with its words
 * (stored, or counted when not stored), in the export's order. One statement and one sort: the
 * cheapest way to these rows. The app sorts the same rows in pieces of article ids and merges
 * them (lib/queries/exports.ts passageRowChunks), so that no one step holds its event loop.
 */
export function passagesFloor(db: Database.Database, storedWords: boolean): CsvFloorResult {
  const stmt = db
    .prepare(
      `SELECT a.slug, a.title, a."dateStart", a."datePrecision", a."dateBasis", o.slug, pub.slug, t.slug, p.quote, p.start, p."end",
         ${storedWords ? "p.words" : "NULL"}, p.annotator
       FROM "Annotation" p
       JOIN "Article" a ON a.id = p."articleId"
       JOIN "Theme" t ON t.id = p."themeId"
       JOIN "Organization" o ON o.id = a."sourceId"
       LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
       WHERE a."codingStatus" IN ('coded', 'reviewed') AND p.coder = 'consensus'
       ORDER BY a."dateStart" IS NULL, a."dateStart", a.slug, p.start, t."order", p.id`,
    )
    .raw();
  function* rows(): Iterable<CsvCell[]> {
    for (const r of stmt.iterate() as IterableIterator<CsvCell[]>) {
      r[2] = csvDate(r[2] as string | null, r[3] as string);
      if (!storedWords) r[11] = countWords(r[8] as string);
      yield r;
    }
  }
  return run(PASSAGES_COLUMNS, rows(), provenanceOf(db));
}
