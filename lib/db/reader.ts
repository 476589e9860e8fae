import "server-only";
// Read-only connections for the long reads (the CSV exports), beside the Prisma client of
// lib/db/client.ts. An export walks a cursor (better-sqlite3 `Statement.iterate()`) over
// millions of rows while other requests go on, so it needs a connection of its own: while a
// cursor is open its connection holds one read transaction (a WAL snapshot), and every other
// statement on that connection would read that same old snapshot. So each export takes a
// connection no other export is using, and gives it back once its cursor is closed.
// Writers are never blocked by these readers (WAL); a reader only holds back how far a
// checkpoint can go until its cursor closes.
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS, databaseFile, databaseUrl } from "./create";

export type ReaderConnection = Database.Database;

/** Idle connections kept open for the next export; more exports at once open more, closed when done. */
const IDLE_KEPT = 2;

const globalForReaders = globalThis as unknown as { ptReaders?: { file: string; db: ReaderConnection }[] };
const idle = (globalForReaders.ptReaders ??= []);

/**
 * Pages a reader keeps in memory: 1 MB (better-sqlite3's default is 16 MB). An export reads
 * each page once, in order, so a bigger cache only holds pages it will not read again; and
 * each of SQLite's sorters (passages.csv sorts its pieces) keeps a buffer of this size (1 MB
 * at least) for as long as its statement is open, spilling the rest to a temporary file.
 */
export const READER_CACHE_KIB = 1_000;

/** A new read-only connection to the app's database (which must exist), with the app's busy timeout. */
export function openReader(url = databaseUrl()): ReaderConnection {
  // The file is in WAL mode already (lib/db/create.ts ensureWal; a read-only connection cannot set it).
  const db = new Database(databaseFile(url), { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return db;
}

/** A connection no one else is reading on: an idle one of the pool, or a new one. Give it back with releaseReader. */
export function acquireReader(): ReaderConnection {
  const file = databaseFile(databaseUrl());
  for (let kept = idle.pop(); kept; kept = idle.pop()) {
    if (kept.file === file && kept.db.open) return kept.db;
    if (kept.db.open) kept.db.close();
  }
  return openReader();
}

/** Back to the pool once every statement on it is finished (its cursor returned), or closed if the pool is full. */
export function releaseReader(db: ReaderConnection): void {
  if (!db.open) return;
  if (idle.length < IDLE_KEPT && !idle.some((k) => k.db === db)) idle.push({ file: db.name, db });
  else if (!idle.some((k) => k.db === db)) db.close();
}

/** How many connections wait idle in the pool (for tests). */
export const idleReaders = (): number => idle.length;
