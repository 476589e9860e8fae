import "server-only";
// The long exports (article-themes.csv, passages.csv) read with a cursor: better-sqlite3
// statements on a read-only connection of the export's own (lib/db/reader.ts), walked with
// `iterate()` a bounded chunk of rows at a time (passages.csv: one sorted statement per piece
// of article ids, merged; see passageRowChunks). Between chunks the reader yields to the event
// loop (setImmediate), so other requests are served and the socket gets what was written;
// the consumer pulls one chunk at a time (lib/http/routes.ts csvResponse), so a slow client
// stops the reading, and a client that goes away closes the cursor. Nothing is ever held but
// the chunk in hand (and a row per piece): memory stays flat whatever the row count.
//
// The WHERE conditions are the very Prisma.Sql builders the charts use (lib/queries/analytics.ts);
// a Prisma.Sql carries `.sql` with `?` placeholders and `.values`, which is what better-sqlite3 takes.
import { Prisma } from "../../generated/prisma/client";
import type { Filters } from "../filters/schema";
import type { CsvCell } from "../http/csv";
import { csvDate } from "../measure/totals";
import { countWords } from "../measure/words";
import { acquireReader, releaseReader, type ReaderConnection } from "../db/reader";
import { coderOf, metricConditions, passageConditions, themeCondition, where, type ArticleThemeRow, type Drill } from "./analytics";
import { yieldToLoop } from "../db/yield";

/**
 * Rows read between two yields to the event loop: about 80 KB of CSV. Smaller chunks die
 * young: at a million articles, chunks of 2,000 rows (600 KB of CSV, strings held across a
 * socket write) made the server's heap grow by 110-240 MB and the export run 1.5-2x longer
 * (the garbage collector); chunks of 250 rows keep it within a few MB.
 */
export const CHUNK_ROWS = 250;

export type CursorOptions = {
  chunkRows?: number;
  /** Rows as arrays of the statement's columns (better-sqlite3 `raw()`) instead of objects. */
  raw?: boolean;
  /** Articles per piece of passages.csv's sort (PIECE_ARTICLES; tests set a few). */
  pieceArticles?: number;
  /** A connection to read on instead of one from the pool (tests); it is left open. */
  reader?: ReaderConnection;
};


/**
 * The rows of `queries` (run one after the other, in one read transaction, so they all see the
 * same snapshot), `chunkRows` at a time, from a cursor. The first statement starts (and the
 * snapshot is taken) at the first pull; returning the generator early (`return()`, as a
 * cancelled stream does) closes the cursor, ends the transaction and gives the connection back.
 */
export async function* cursorChunks<T>(queries: Prisma.Sql | readonly Prisma.Sql[], opts: CursorOptions = {}): AsyncGenerator<T[], void, undefined> {
  const size = opts.chunkRows ?? CHUNK_ROWS;
  const db = opts.reader ?? acquireReader();
  let rows: IterableIterator<unknown> | undefined;
  try {
    db.exec("BEGIN");
    for (const query of Array.isArray(queries) ? queries : [queries]) {
      rows = db.prepare(query.sql).raw(opts.raw ?? false).iterate(...(query.values as unknown[]));
      for (let done = false; !done; ) {
        const chunk: T[] = [];
        while (chunk.length < size) {
          const r = rows.next();
          if (r.done) break;
          chunk.push(r.value as T);
        }
        done = chunk.length < size;
        if (chunk.length) {
          yield chunk;
          await yieldToLoop();
        }
      }
    }
  } finally {
    rows?.return?.();
    if (db.inTransaction) db.exec("COMMIT");
    if (!opts.reader) releaseReader(db);
  }
}


/**
 * article-themes.csv: one row per counted article in view x selected theme, in article order,
 * themes in codebook order. The columns are the CSV's, in its order (streamArticleThemeCells
 * writes them as they come, the date aside).
 */
export function articleThemesSql(f: Filters): Prisma.Sql {
  return Prisma.sql`
    SELECT a.slug AS "articleSlug", a."dateStart" AS "dateStart", a."datePrecision" AS "datePrecision",
      a."dateBasis" AS "dateBasis", a."codingStatus" AS "codingStatus", o.slug AS source, pub.slug AS publisher, a."wordCount" AS words, t.slug AS theme,
      s."taggedWords" AS "taggedWords", s.passages AS passages
    FROM "Article" a NOT INDEXED
    CROSS JOIN "ArticleTheme" s ON s."articleId" = a.id AND +s.coder = ${coderOf(f)}
    JOIN "Theme" t ON t.id = s."themeId"
    JOIN "Organization" o ON o.id = a."sourceId"
    LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
    ${where([...metricConditions(f), ...themeCondition(f)])}
    ORDER BY a.id, t."order"`;
}

export function streamArticleThemeRows(f: Filters, opts?: CursorOptions): AsyncGenerator<ArticleThemeRow[], void, undefined> {
  return cursorChunks<ArticleThemeRow>(articleThemesSql(f), { ...opts, raw: false });
}

/**
 * article-themes.csv's cells, a chunk of rows at a time, in ARTICLE_THEMES_COLUMNS order
 * (lib/http/exports.ts): the statement's columns as they come (raw arrays, made by
 * better-sqlite3), with the date written as csvDate writes it, in place: no object and no
 * second array per row, as passages.csv does (see README, Performance, on the server's memory).
 */
export async function* streamArticleThemeCells(f: Filters, opts?: CursorOptions): AsyncGenerator<CsvCell[][], void, undefined> {
  for await (const chunk of cursorChunks<CsvCell[]>(articleThemesSql(f), { ...opts, raw: true })) {
    for (const r of chunk) r[1] = csvDate(r[1] as string | null, r[2] as string);
    yield chunk;
  }
}


const PASSAGE_COLUMNS = Prisma.sql`a.slug AS "articleSlug", a.title AS "articleTitle", a."dateStart" AS "dateStart",
  a."datePrecision" AS "datePrecision", a."dateBasis" AS "dateBasis", o.slug AS source, pub.slug AS publisher,
  t.slug AS theme, p.quote AS quote, p.start AS start, p."end" AS "end", p.words AS words, p.annotator AS annotator`;

/**
 * passages.csv, in reading order: dated articles by date, then undated ones, each by slug, its
 * passages by position and codebook order (as getPassages orders them), ties by id. The rows
 * end with two more columns, the theme's order and the passage's id, for comparePassages.
 * With `ids`, only the articles of that id range.
 *
 * The articles are read in the order they are stored (a scan of the table, each page read
 * once) and sorted by SQLite, in bounded memory (its external merge sort spills to a temporary
 * file). Walking the date index instead gives the rows in order without a sort, but fetches
 * every article and its passages from a page of its own: at a million articles that read
 * alone took 18.7 s against 7.7 s for scan and sort.
 */
export function passagesSql(f: Filters, drill?: Drill, ids?: { from: number; to: number }): Prisma.Sql {
  const conds = passageConditions(f, drill);
  if (ids) conds.push(Prisma.sql`a.id BETWEEN ${ids.from} AND ${ids.to}`);
  return Prisma.sql`SELECT ${PASSAGE_COLUMNS}, t."order" AS "themeOrder", p.id AS id
    FROM "Article" a NOT INDEXED
    CROSS JOIN "Annotation" p ON p."articleId" = a.id
    JOIN "Theme" t ON t.id = p."themeId"
    JOIN "Organization" o ON o.id = a."sourceId"
    LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
    ${where(conds)}
    ORDER BY a."dateStart" IS NULL, a."dateStart", a.slug, p.start, t."order", p.id`;
}

/** The number of columns passages.csv writes; passagesSql's rows carry two more (the sort key's rest). */
const PASSAGE_CELLS = 13;
const [SLUG, DATE, START, ORDER, ID] = [0, 2, 9, 13, 14];

/** SQLite's BINARY order of two texts (UTF-8 bytes, that is code points), which JS's `<` (UTF-16 units) differs from above U+D7FF. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i === n ? a.length - b.length : a.codePointAt(i)! - b.codePointAt(i)!;
}

/** passagesSql's ORDER BY, on two of its rows. */
export function comparePassages(x: readonly unknown[], y: readonly unknown[]): number {
  const dx = x[DATE] as string | null;
  const dy = y[DATE] as string | null;
  if (dx !== dy) {
    if (dx === null) return 1;
    if (dy === null) return -1;
    const c = compareText(dx, dy);
    if (c) return c;
  }
  return (
    compareText(x[SLUG] as string, y[SLUG] as string) || (x[START] as number) - (y[START] as number) || (x[ORDER] as number) - (y[ORDER] as number) || (x[ID] as number) - (y[ID] as number)
  );
}

/**
 * Articles per piece of passages.csv's sort, at least. One sort over every passage would hold
 * the event loop (one synchronous step of the cursor) until the last row is sorted, 3.8 s at a
 * million articles; a piece of 50,000 articles sorts in about 0.2 s, between two yields. Each
 * piece's sorter keeps a buffer of about 1 MB (the reader's cache_size, lib/db/reader.ts) while
 * it is open, so there are never more than MAX_PIECES of them: beyond 1.2 million articles the
 * pieces grow instead.
 */
export const PIECE_ARTICLES = 50_000;
export const MAX_PIECES = 24;

type Head = { row: unknown[]; rows: IterableIterator<unknown[]> };

/** A binary min-heap of the pieces' next rows. */
function push(heap: Head[], h: Head, cmp: (x: unknown[], y: unknown[]) => number) {
  let i = heap.push(h) - 1;
  while (i > 0) {
    const up = (i - 1) >> 1;
    if (cmp(heap[up].row, h.row) <= 0) break;
    heap[i] = heap[up];
    i = up;
  }
  heap[i] = h;
}

function pop(heap: Head[], cmp: (x: unknown[], y: unknown[]) => number): Head {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length) {
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= heap.length) break;
      if (c + 1 < heap.length && cmp(heap[c + 1].row, heap[c].row) < 0) c++;
      if (cmp(heap[c].row, last.row) >= 0) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }
  return top;
}

/**
 * The rows of passages.csv, `chunkRows` at a time: one sorted statement per piece of
 * PIECE_ARTICLES article ids, all open at once on one connection in one read transaction (one
 * snapshot), merged by comparePassages. Each piece's sort runs at its cursor's first step,
 * one piece between two yields to the event loop; after that every row is one step of one
 * cursor. Memory: one row per piece, and SQLite's sorters (the reader's cache_size each while
 * sorting, a page-sized buffer each once sorted).
 */
export async function* passageRowChunks(f: Filters, drill?: Drill, opts: CursorOptions = {}): AsyncGenerator<unknown[][], void, undefined> {
  const size = opts.chunkRows ?? CHUNK_ROWS;
  const db = opts.reader ?? acquireReader();
  const open: IterableIterator<unknown[]>[] = [];
  try {
    db.exec("BEGIN");
    const span = db.prepare(`SELECT min(id) AS lo, max(id) AS hi FROM "Article"`).get() as { lo: number | null; hi: number | null };
    const [lo, hi] = [span.lo ?? 1, span.hi ?? 0];
    const piece = opts.pieceArticles ?? Math.max(PIECE_ARTICLES, Math.ceil((hi - lo + 1) / MAX_PIECES));
    const heap: Head[] = [];
    for (let from = lo; from <= hi; from += piece) {
      const q = passagesSql(f, drill, { from, to: from + piece - 1 });
      const rows = db.prepare(q.sql).raw(true).iterate(...(q.values as unknown[])) as IterableIterator<unknown[]>;
      open.push(rows);
      const first = rows.next();
      if (!first.done) push(heap, { row: first.value, rows }, comparePassages);
      await yieldToLoop();
    }
    // The cursor whose row went out last steps on only when the next row is wanted.
    let pending: Head | undefined;
    for (let done = false; !done; ) {
      const chunk: unknown[][] = [];
      while (chunk.length < size) {
        if (pending) {
          const r = pending.rows.next();
          if (!r.done) push(heap, { row: r.value, rows: pending.rows }, comparePassages);
          pending = undefined;
        }
        if (!heap.length) break;
        pending = pop(heap, comparePassages);
        chunk.push(pending.row);
      }
      done = chunk.length < size;
      if (chunk.length) {
        yield chunk;
        await yieldToLoop();
      }
    }
  } finally {
    for (const rows of open) rows.return?.();
    if (db.inTransaction) db.exec("COMMIT");
    if (!opts.reader) releaseReader(db);
  }
}

/**
 * passages.csv's cells, a chunk of rows at a time, in PASSAGES_COLUMNS order (lib/http/exports.ts):
 * the statement's columns as they come (raw arrays, no object per row), the date written as
 * csvDate writes it, and the words as stored (a passage written before its words were stored,
 * which npm run db:setup fills in, is counted here).
 */
export async function* streamPassageCells(f: Filters, drill?: Drill, opts?: CursorOptions): AsyncGenerator<CsvCell[][], void, undefined> {
  for await (const chunk of passageRowChunks(f, drill, opts)) {
    for (const r of chunk as CsvCell[][]) {
      r[2] = csvDate(r[2] as string | null, r[3] as string);
      if (r[11] === null) r[11] = countWords(r[8] as string);
      r.length = PASSAGE_CELLS;
    }
    yield chunk as CsvCell[][];
  }
}
