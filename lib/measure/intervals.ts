// 95% intervals for the two percentage metrics, closed-form and computable from sums alone,
// so any table of sums (a bucket, a source, a rollup) carries its uncertainty with it.
//
// share: the articles of a bucket are the sample and the share is the ratio estimator
//   R = Σt / Σw (t = tagged words, w = words of article i). Cochran, Sampling Techniques
//   (3rd ed., 1977), ch. 6 (eq. 6.9 with the finite-population factor dropped):
//   SE(R) = sqrt( Σ(t_i − R·w_i)² / (n(n−1)) ) / w̄, and Σ(t_i − R·w_i)² = Σt² − 2RΣtw + R²Σw².
//   Interval: R ± t(0.975, n−1)·SE (Student's t), clipped to [0, 100]%. Undefined for n < 2.
// articles: the share of articles with the theme, k of n, by the Wilson score interval
//   (Wilson 1927; Agresti & Coull 1998), z = 1.959963984540054. Undefined for n = 0.
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import type { Metric } from "../filters/schema";
import { round, type Totals } from "./totals";

export type Interval = { low: number; high: number };

const Z95 = 1.959963984540054;
const clip = (x: number) => Math.min(100, Math.max(0, x));

/**
 * Σ(t_i − R·w_i)² from the sums, exactly: with R = T/W it is (W²·Σt² − 2TW·Σtw + T²·Σw²) / W²,
 * whose numerator is computed in integers (BigInt), so no cancellation error creeps in.
 */
export function residualSumOfSquares(s: Pick<Totals, "words" | "taggedWords" | "taggedSq" | "taggedWordsCross" | "wordsSq">): number {
  const [W, T] = [BigInt(s.words), BigInt(s.taggedWords)];
  const num = W * W * BigInt(s.taggedSq) - 2n * T * W * BigInt(s.taggedWordsCross) + T * T * BigInt(s.wordsSq);
  if (W === 0n) return 0;
  // num / W² as a float without overflowing: split into integer part and remainder.
  const W2 = W * W;
  return Number(num / W2) + Number(num % W2) / Number(W2);
}

/** t(0.975, df) is the costly part of an interval (~0.1 ms); a chart asks for the same few df again and again. */
const tCache = new Map<number, number>();
const T_CACHE_MAX = 100_000;
export function t975(df: number): number {
  let t = tCache.get(df);
  if (t === undefined) {
    t = tQuantile(0.975, df);
    if (tCache.size >= T_CACHE_MAX) tCache.clear();
    tCache.set(df, t);
  }
  return t;
}

/** 95% interval of the ratio estimator Σt/Σw, in percent; null when n < 2 or no words. */
export function shareInterval(s: Totals): Interval | null {
  const n = s.articles;
  if (n < 2 || s.words <= 0) return null;
  const R = s.taggedWords / s.words;
  const meanW = s.words / n;
  const se = Math.sqrt(Math.max(0, residualSumOfSquares(s)) / (n * (n - 1))) / meanW;
  const half = t975(n - 1) * se;
  return { low: clip(100 * (R - half)), high: clip(100 * (R + half)) };
}

/** Wilson score 95% interval for k of n, in percent; null when n = 0. */
export function wilsonInterval(k: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clip(100 * (centre - half)), high: clip(100 * (centre + half)) };
}

/** The interval a metric's value carries, rounded like the value; null where it has none. */
export function metricInterval(metric: Metric, t: Totals): Interval | null {
  const i = metric === "share" ? shareInterval(t) : metric === "articles" ? wilsonInterval(t.articlesWithTheme, t.articles) : null;
  return i && { low: round(i.low), high: round(i.high) };
}

export { noIntervalReason, THIN_N } from "./interval-notes";
