// The floor of an export for the benchmark: the same SQL, iterated with raw better-sqlite3 and
// written with csv-stringify, nothing else (no provenance columns, no formula neutralising,
// no HTTP). An export through the app should stay within a small factor of it.
//
//   exportFloor(file, query) -> { rows, bytes }
//     file   the SQLite database file (opened read-only, closed before returning)
//     query  a SQL string, or anything with `.sql` and `.values` (a Prisma.Sql, e.g.
//            articleThemesSql(filters) or passagesSql(filters) of lib/queries/exports.ts,
//            the very statements article-themes.csv and passages.csv run)
//     rows   rows the statement produced
//     bytes  UTF-8 bytes of the CSV (rows only, CRLF line ends, as the exports write them)
//
// It reads in chunks of 2,000 rows, as the app does, so that memory stays flat here too.
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";

export type FloorQuery = string | { sql: string; values: readonly unknown[] };

const CHUNK_ROWS = 2_000;

export function exportFloor(file: string, query: FloorQuery): { rows: number; bytes: number } {
  const { sql, values } = typeof query === "string" ? { sql: query, values: [] as readonly unknown[] } : query;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    let rows = 0;
    let bytes = 0;
    let chunk: unknown[][] = [];
    const flush = () => {
      bytes += Buffer.byteLength(stringify(chunk, { record_delimiter: "\r\n" }));
      rows += chunk.length;
      chunk = [];
    };
    for (const row of db.prepare(sql).raw(true).iterate(...values) as IterableIterator<unknown[]>) {
      chunk.push(row);
      if (chunk.length === CHUNK_ROWS) flush();
    }
    if (chunk.length) flush();
    return { rows, bytes };
  } finally {
    db.close();
  }
}
