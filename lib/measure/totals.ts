// Pure arithmetic shared by the SQL-backed queries and by anyone recomputing an export:
// bucket values are ratios of sums, never averages of per-article ratios. No data is not
// zero: a bucket without coded articles has no value (null), never 0.
import type { Metric } from "../filters/schema";

export type Totals = {
  /** coded articles in the bucket (denominator of the "articles" metric) */
  articles: number;
  /** words of those articles (denominator of "share") */
  words: number;
  taggedWords: number;
  passages: number;
  /** articles with at least one passage of the theme */
  articlesWithTheme: number;
  /** Σ tagged², Σ tagged × words, Σ words² over the articles: what the share's interval needs */
  taggedSq: number;
  taggedWordsCross: number;
  wordsSq: number;
};

export const ZERO: Totals = { articles: 0, words: 0, taggedWords: 0, passages: 0, articlesWithTheme: 0, taggedSq: 0, taggedWordsCross: 0, wordsSq: 0 };

/** The charted value, or null where nothing was measured (no coded articles, or no words). */
export function metricValue(metric: Metric, t: Totals): number | null {
  if (t.articles === 0) return null;
  if (metric === "passages") return t.passages;
  const [part, whole] = metric === "share" ? [t.taggedWords, t.words] : [t.articlesWithTheme, t.articles];
  return whole > 0 ? round((100 * part) / whole) : null;
}

/** Four decimals: enough for percentages, stable across platforms in CSV and JSON. */
export function round(x: number, places = 4): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

export function formatValue(metric: Metric, v: number | null): string {
  if (v === null) return "no data";
  if (metric === "passages") return v.toLocaleString("en");
  return `${v.toLocaleString("en", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

/** How a date goes into CSV: as precise as it is known ("2023-04-18", "2023-04", "2022", ""). */
export function csvDate(dateStart: string | null, precision: string): string {
  if (!dateStart || precision === "unknown") return "";
  if (precision === "year") return dateStart.slice(0, 4);
  if (precision === "month") return dateStart.slice(0, 7);
  return dateStart;
}
