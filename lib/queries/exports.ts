import "server-only";
// The long exports (article-themes.csv, passages.csv) read with a cursor: one better-sqlite3
// statement per export on a read-only connection of its own (lib/db/reader.ts), walked with
// `iterate()` a bounded chunk of rows at a time. Between chunks the reader yields to the event
// loop (setImmediate), so other requests are served and the socket gets what was written;
// the consumer pulls one chunk at a time (lib/http/routes.ts csvResponse), so a slow client
// stops the reading, and a client that goes away closes the cursor. Nothing is ever held but
// the chunk in hand: memory stays flat whatever the row count.
//
// The WHERE conditions are the very Prisma.Sql builders the charts use (lib/queries/analytics.ts);
// a Prisma.Sql carries `.sql` with `?` placeholders and `.values`, which is what better-sqlite3 takes.
import { Prisma } from "../../generated/prisma/client";
import type { Filters } from "../filters/schema";
import { countWords } from "../measure/words";
import { acquireReader, releaseReader, type ReaderConnection } from "../db/reader";
import { coderOf, metricConditions, passageConditions, themeCondition, where, type ArticleThemeRow, type Drill, type PassageRow } from "./analytics";

/** Rows read between two yields to the event loop: about 150-250 KB of CSV. */
export const CHUNK_ROWS = 2_000;

export type CursorOptions = {
  chunkRows?: number;
  /** A connection to read on instead of one from the pool (tests); it is left open. */
  reader?: ReaderConnection;
};

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
      rows = db.prepare(query.sql).iterate(...(query.values as unknown[]));
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


/** article-themes.csv: one row per counted article in view x selected theme, in article order, themes in codebook order. */
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
  return cursorChunks<ArticleThemeRow>(articleThemesSql(f), opts);
}


/** A passage as passages.csv writes it: with its words as stored when it was written. */
export type PassageExportRow = Omit<PassageRow, "id" | "sourceName"> & { words: number };

const PASSAGE_COLUMNS = Prisma.sql`a.slug AS "articleSlug", a.title AS "articleTitle", a."dateStart" AS "dateStart",
  a."datePrecision" AS "datePrecision", a."dateBasis" AS "dateBasis", o.slug AS source, pub.slug AS publisher,
  t.slug AS theme, p.quote AS quote, p.start AS start, p."end" AS "end", p.words AS words, p.annotator AS annotator`;

/**
 * passages.csv, in reading order: dated articles by date, then undated ones, each by slug, its
 * passages by position and codebook order (as getPassages orders them), ties by id. Two
 * statements, dated and undated, so each walks the date index in order and sorts only within a
 * date (one sort over every passage would make the first byte wait for the last row).
 */
export function passagesSql(f: Filters, drill?: Drill): Prisma.Sql[] {
  const from = (dated: boolean) => Prisma.sql`FROM "Article" a INDEXED BY "Article_dateStart_idx"
    CROSS JOIN "Annotation" p ON p."articleId" = a.id
    JOIN "Theme" t ON t.id = p."themeId"
    JOIN "Organization" o ON o.id = a."sourceId"
    LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
    ${where([...passageConditions(f, drill), dated ? Prisma.sql`a."dateStart" IS NOT NULL` : Prisma.sql`a."dateStart" IS NULL`])}`;
  return [
    Prisma.sql`SELECT ${PASSAGE_COLUMNS} ${from(true)} ORDER BY a."dateStart", a.slug, p.start, t."order", p.id`,
    Prisma.sql`SELECT ${PASSAGE_COLUMNS} ${from(false)} ORDER BY a.slug, p.start, t."order", p.id`,
  ];
}

export async function* streamPassageRows(f: Filters, drill?: Drill, opts?: CursorOptions): AsyncGenerator<PassageExportRow[], void, undefined> {
  for await (const chunk of cursorChunks<PassageExportRow & { words: number | null }>(passagesSql(f, drill), opts)) {
    // A passage written before its words were stored (npm run db:setup fills them in) is counted here.
    for (const p of chunk) if (p.words === null) p.words = countWords(p.quote);
    yield chunk as PassageExportRow[];
  }
}
