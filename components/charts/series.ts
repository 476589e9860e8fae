// Plain rows for Recharts, made from a timeline or a by-source table. A missing value stays
// null so the line has a gap there (no dot, no zero); a missing interval stays null so no band
// or whisker is drawn.
import { THIN_N } from "@/lib/measure/interval-notes";
import type { ChartBySource, ChartTimeline } from "./chart-data";

export type Datum = Record<string, string | number | boolean | null | [number, number]>;

export const ciKey = (theme: string) => `${theme}:ci`;
export const errKey = (theme: string) => `${theme}:err`;

export function timelineData(t: Pick<ChartTimeline, "periods">): Datum[] {
  return t.periods.map((p) => {
    const d: Datum = {
      period: p.period,
      label: p.label,
      articles: p.articles,
      uncoded: p.uncoded,
      thin: p.articles > 0 && p.articles < THIN_N,
      inferred: p.inferredCount,
    };
    for (const c of p.cells) {
      d[c.theme] = c.value;
      d[ciKey(c.theme)] = c.ci && c.value !== null ? [c.ci.low, c.ci.high] : null;
      d[errKey(c.theme)] = c.ci && c.value !== null ? [c.value - c.ci.low, c.ci.high - c.value] : null;
    }
    return d;
  });
}

export function bySourceData(b: Pick<ChartBySource, "sources">): Datum[] {
  return b.sources.map((s) => {
    const d: Datum = {
      source: s.source,
      name: s.articles > 0 ? `${s.name} (n=${s.articles})` : `${s.name} (no coded articles)`,
      articles: s.articles,
      thin: s.articles > 0 && s.articles < THIN_N,
    };
    for (const c of s.cells) {
      d[c.theme] = c.value;
      // ErrorBar takes distances below and above the value.
      d[errKey(c.theme)] = c.ci && c.value !== null ? [c.value - c.ci.low, c.ci.high - c.value] : null;
    }
    return d;
  });
}

/** One y-axis top for every panel of the small multiples: the largest value or interval end. */
export function sharedMax(t: Pick<ChartTimeline, "periods">): number {
  let max = 0;
  for (const p of t.periods) for (const c of p.cells) max = Math.max(max, c.value ?? 0, c.ci?.high ?? 0);
  return max;
}
