import "server-only";
// The chart queries' connection: read-only better-sqlite3 on the app's database, beside the
// Prisma client of lib/db/client.ts that every write goes through. The chart queries are small
// GROUP BYs over the rollup tables (lib/queries/aggregates.ts) that SQLite answers in about a
// millisecond; through Prisma's raw-query path the same answers cost several times that in
// JavaScript (each row is converted value by value), so they are prepared here once (a statement
// per SQL text, cached) and run directly. The SQL is still built with Prisma.sql, whose `.sql`
// and `.values` carry it here. A statement runs to completion (`all()`), so one connection serves
// every request; each sees the last committed write (WAL, no transaction held between calls).
// The exports' cursors take connections of their own (lib/db/reader.ts), never this one.
import type Database from "better-sqlite3";
import type { Prisma } from "../../generated/prisma/client";
import { databaseUrl, ensureWal } from "./create";
import { openReader } from "./reader";

const globalForRead = globalThis as unknown as { ptRead?: { url: string; db: Database.Database; statements: Map<string, Database.Statement> } };

/** Pages the chart connection keeps in memory (better-sqlite3's default): one connection, so a fixed 16 MB. */
const CHART_CACHE_KIB = 16_000;

/** Statements kept prepared; the chart queries have a few dozen shapes, a filter's values are parameters. */
const STATEMENTS_KEPT = 500;

function connection() {
  const url = databaseUrl();
  let c = globalForRead.ptRead;
  if (!c || c.url !== url || !c.db.open) {
    ensureWal(url);
    c = { url, db: openReader(url), statements: new Map() };
    // The exports' readers keep a small cache (they read each page once); the charts' one
    // connection reads the same rollup pages and indexes on every request: keep them.
    c.db.pragma(`cache_size = -${CHART_CACHE_KIB}`);
    globalForRead.ptRead = c;
  }
  return c;
}

/** Every row of a query built with Prisma.sql (with other values for its parameters, when given). */
export function readAll<T>(query: Prisma.Sql, values: readonly unknown[] = query.values): T[] {
  const c = connection();
  let st = c.statements.get(query.sql);
  if (!st) {
    st = c.db.prepare(query.sql);
    if (c.statements.size >= STATEMENTS_KEPT) c.statements.clear();
    c.statements.set(query.sql, st);
  }
  return st.all(...values) as T[];
}
