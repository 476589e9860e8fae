/** Shown while a view renders on the server: the page's shape, not a blank screen. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading…</p>
      <div className="h-8 w-64 animate-pulse rounded bg-surface" />
      <div className="h-28 animate-pulse rounded-lg bg-surface" />
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="h-96 animate-pulse rounded-lg bg-surface" />
        <div className="h-96 animate-pulse rounded-lg bg-surface" />
      </div>
    </div>
  );
}
