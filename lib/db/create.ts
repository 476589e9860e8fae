import fs from "node:fs";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";

/** Same default as prisma.config.ts; relative `file:` paths resolve against the cwd. */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/**
 * How long one statement waits for another connection's write lock before SQLite gives up
 * with SQLITE_BUSY, for scripts (seed, import, annotation load) and tests. better-sqlite3
 * waits inside the call (the event loop waits with it); writers hold the lock for one small
 * transaction at a time, and what still fails is retried with backoff by lib/db/retry.ts.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * The same for the server's own client (lib/db/client.ts) and the in-app import, which answer
 * every request on one event loop: a statement that writes outside a transaction (an article's
 * details) waited there for the whole timeout, and with BUSY_TIMEOUT_MS a metadata edit behind
 * another writer's lock held the server for 5.1 s (tests/integration/busy-app.test.ts). So a
 * statement waits at most this long at a time, and the rest of the wait is withBusyRetry's
 * pauses, during which other requests are served. Every write of the app goes through
 * withBusyRetry (a 503 with the reason when the lock never comes). A write in a transaction that
 * has already read gets SQLITE_BUSY at once, whatever the timeout.
 */
export const APP_BUSY_TIMEOUT_MS = 100;

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export function databaseFile(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * Write-ahead logging: readers go on reading while one writer writes (with the default
 * rollback journal a reader blocks an import and the other way round). The mode is stored
 * in the database file, so this only changes something the first time. A file that does
 * not exist yet is left to `prisma migrate deploy` to create (npm start runs it first, and
 * `next build` must not create an empty database); an in-memory one keeps its own journal.
 */
export function ensureWal(url: string): void {
  const file = databaseFile(url);
  if (file === ":memory:" || file === "" || !fs.existsSync(file)) return;
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

export type ClientOptions = { busyTimeoutMs?: number };

/**
 * A new client for scripts and tests; the app uses the singleton in lib/db/client.ts. Every
 * way into the database (app, seed, import, annotation load, tests) comes through here, so
 * every connection runs in WAL mode with the same busy timeout.
 */
export function createPrismaClient(url = databaseUrl(), opts: ClientOptions = {}): PrismaClient {
  ensureWal(url);
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS }) });
}

export type { PrismaClient };
