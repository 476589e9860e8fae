// Writes that meet another writer's lock are tried again, a bounded number of times with
// growing pauses, and then fail with a sentence that says what happened. SQLite answers
// SQLITE_BUSY at once (without waiting out the busy timeout) when a transaction that has
// already read must write after another connection committed; the whole transaction is then
// retried from its start, which is always safe because nothing of it was stored.

// About 15 s of pauses in all: enough for a 25-article seed batch or a file of an import on a loaded machine.
export const WRITE_ATTEMPTS = 20;
const FIRST_PAUSE_MS = 25;
const MAX_PAUSE_MS = 1_000;

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };

/** SQLITE_BUSY as better-sqlite3 throws it, as Prisma wraps it (P1008, an empty "timed out"), or by its text. */
export function isBusyError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const err = e as ErrorLike;
  if (err.code === "P1008") return true;
  if (typeof err.code === "string" && err.code.startsWith("SQLITE_BUSY")) return true;
  if (typeof err.message === "string" && /database is locked|SQLITE_BUSY/i.test(err.message)) return true;
  return isBusyError(err.cause, depth + 1) || isBusyError(err.meta, depth + 1);
}

export class DatabaseBusyError extends Error {
  constructor(what: string, attempts: number) {
    super(
      `${what}: the database stayed locked by another writer (SQLITE_BUSY) through ${attempts} attempts; ` +
        "nothing of this write was stored. Try again once the other write (an import, a seed, an annotation load) has finished.",
    );
    this.name = "DatabaseBusyError";
  }
}

export type RetryOptions = { attempts?: number; sleep?: (ms: number, attempt: number) => Promise<void> };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `write` (a whole transaction, or one statement) and runs it again while the database is busy. */
export async function withBusyRetry<T>(what: string, write: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? WRITE_ATTEMPTS;
  const sleep = opts.sleep ?? pause;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!isBusyError(e)) throw e;
      if (attempt >= attempts) throw new DatabaseBusyError(what, attempts);
      const ms = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (attempt - 1));
      await sleep(ms * (0.5 + Math.random() / 2), attempt); // jitter, so two retrying writers drift apart
    }
  }
}
