// Medians and percentiles of a handful of runs, and the markdown the benchmark prints.

/** Nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * The index of the median run: the middle one by value (for an even count the lower of the
 * two middle ones, the less flattering), so that the run reported with its other figures is
 * the median run itself, whichever order the runs came in.
 */
export function medianIndex(values: readonly number[]): number {
  if (values.length === 0) return -1;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  return order[Math.floor((values.length - 1) / 2)];
}

/** Milliseconds for a table: 3 significant figures below 100, whole numbers above, thousands separated. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  if (x >= 100) return `${Math.round(x).toLocaleString("en")} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function ratio(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return x >= 100 ? `${Math.round(x).toLocaleString("en")}x` : x >= 10 ? `${x.toFixed(1)}x` : `${x.toFixed(2)}x`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ("l" | "r")[] = []): string {
  const sep = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [header, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}
