// The floor of an export for the benchmark: the same SQL, iterated with raw better-sqlite3 and
// written with csv-stringify, nothing else (no provenance columns, no formula neutralising,
// no HTTP). An export through the app should stay within a small factor of it.
//
//   exportFloor(file, query) -> { rows, bytes }
//     file   the SQLite database file (opened read-only, closed before returning)
//     query  a SQL string, or anything with `.sql` and `.values` (a Prisma.Sql), or a list of
//            them run one after the other: articleThemesSql(filters) of lib/queries/exports.ts is
//            the very statement article-themes.csv runs; passagesSql(filters) is the statement
//            passages.csv runs per piece of article ids (here over all of them, one sort)
//     rows   rows the statement produced
//     bytes  UTF-8 bytes of the CSV (rows only, CRLF line ends, as the exports write them)
//
// It reads in chunks of 2,000 rows, so that memory stays flat here too.
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";

export type FloorQuery = string | { sql: string; values: readonly unknown[] };

const statementOf = (q: FloorQuery) => (typeof q === "string" ? { sql: q, values: [] as readonly unknown[] } : q);

const CHUNK_ROWS = 2_000;

export function exportFloor(file: string, query: FloorQuery | readonly FloorQuery[]): { rows: number; bytes: number } {
  const queries = (Array.isArray(query) ? query : [query]) as readonly FloorQuery[];
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
    for (const { sql, values } of queries.map(statementOf)) {
      for (const row of db.prepare(sql).raw(true).iterate(...values) as IterableIterator<unknown[]>) {
        chunk.push(row);
        if (chunk.length === CHUNK_ROWS) flush();
      }
    }
    if (chunk.length) flush();
    return { rows, bytes };
  } finally {
    db.close();
  }
}
