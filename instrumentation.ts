// Next.js calls register() once when a server starts, before it answers requests. A production
// server then warms itself up (lib/http/warm-up.ts): the requests wait in line until the server
// is ready, so they are sent without waiting for them here.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmSegmenters, warmUp, warmUpSummary, warmUpWanted } = await import("./lib/http/warm-up");
  const origin = process.env.__NEXT_PRIVATE_ORIGIN; // set by `next start` once it listens
  const once = globalThis as { pttWarmUpStarted?: boolean };
  if (!warmUpWanted(process.env) || !origin || once.pttWarmUpStarted) return;
  once.pttWarmUpStarted = true;
  warmSegmenters();
  setTimeout(() => {
    warmUp(origin)
      .then((results) => console.log(warmUpSummary(results)))
      .catch(() => {});
  }, 0).unref();
}
