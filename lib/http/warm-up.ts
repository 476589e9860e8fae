// The first request a freshly started production server answers pays for loading the app:
// compiling the route's modules, starting Prisma's query compiler (WebAssembly), ICU's word
// and sentence break data, the first plan of each query shape. Measured on the seeded
// database: the first dashboard view took 0.75-0.92 s and the next 0.04-0.08 s; the first
// JSON request of any kind 0.63 s. Whoever asked first waited, and so did every request
// behind it (better-sqlite3 and module loading hold the event loop).
//
// So the server asks itself for its main pages once, right after it starts (instrumentation.ts),
// one at a time, before anybody is likely to: GET requests only, which read and change nothing.
// Turned off with PTT_WARM_UP=0.

/**
 * Paths requested, in this order: the dashboard and its data first, then the other pages whose
 * first view costs much more than the next (measured at 1,000,000 articles, first and second
 * view: / 1.19 and 0.11 s, /api/timeline 0.38 and 0.02 s, /import 0.10 and 0.02 s). Pages whose
 * every view is slow at that size are left to their users: warming them would hold the server
 * for seconds at every start and save nobody anything.
 */
export const WARM_UP_PATHS: readonly string[] = ["/", "/api/timeline", "/api/by-source", "/articles", "/compare", "/search", "/agreement", "/import"];

export type WarmUpResult = { path: string; status: number | null; ms: number; error?: string };

/** Whether this process should warm itself: a production server, not turned off. */
export function warmUpWanted(env: Record<string, string | undefined>): boolean {
  return env.NODE_ENV === "production" && env.PTT_WARM_UP !== "0";
}

/** Intl.Segmenter loads its break data on first use, for the whole process. */
export function warmSegmenters(): void {
  for (const granularity of ["word", "sentence"] as const) {
    for (const s of new Intl.Segmenter("en", { granularity }).segment("Warm up. 改革创新")) void s;
  }
}

/**
 * Requests `paths` from `origin` one after another (a failed one does not stop the rest) and
 * reports each. A request is abandoned after `timeoutMs`.
 */
export async function warmUp(origin: string, paths: readonly string[] = WARM_UP_PATHS, timeoutMs = 30_000): Promise<WarmUpResult[]> {
  const out: WarmUpResult[] = [];
  // Next names a server on every interface (or none given) "localhost", which Node may look up
  // as ::1 while the server listens on IPv4 only.
  const base = new URL(origin);
  if (base.hostname === "localhost") base.hostname = "127.0.0.1";
  for (const path of paths) {
    const t0 = performance.now();
    try {
      const res = await fetch(new URL(path, base), { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      out.push({ path, status: res.status, ms: performance.now() - t0 });
    } catch (e) {
      out.push({ path, status: null, ms: performance.now() - t0, error: (e as Error).message });
    }
  }
  return out;
}

/** One line for the server's log. */
export function warmUpSummary(results: readonly WarmUpResult[]): string {
  const total = results.reduce((s, r) => s + r.ms, 0);
  const failed = results.filter((r) => r.status === null || r.status >= 500);
  const tail = failed.length ? `; ${failed.map((r) => `${r.path} ${r.status ?? r.error}`).join(", ")} failed` : "";
  return `Warmed up ${results.length - failed.length} of ${results.length} routes in ${(total / 1000).toFixed(1)} s (PTT_WARM_UP=0 turns this off)${tail}`;
}
