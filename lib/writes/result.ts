// What every write of the app answers, and how a write meets another writer's lock: the route
// handlers (lib/http/routes.ts handleWrite) turn a WriteResult into the response.
import { DatabaseBusyError, withBusyRetry } from "../db/retry";

/** 503: another writer (an import, a seed) kept the database locked through every retry. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 503; issues: { field: string; message: string }[] };

/** A refusal naming the field and the reason. */
export const fail = (status: 400 | 404 | 503, field: string, message: string): WriteResult<never> => ({ ok: false, status, issues: [{ field, message }] });

/** The write, retried while the database is busy; still busy after that is a 503 with the reason, never a 500. */
export async function retried<T>(what: string, write: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await withBusyRetry(what, write);
  } catch (e) {
    if (e instanceof DatabaseBusyError) return fail(503, "database", e.message);
    throw e;
  }
}
