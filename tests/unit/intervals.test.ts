// The two intervals against published worked examples and hand computation.
import { describe, expect, it } from "vitest";
import { metricInterval, residualSumOfSquares, shareInterval, wilsonInterval } from "@/lib/measure/intervals";
import { ZERO, type Totals } from "@/lib/measure/totals";

/** Totals of articles given as [tagged words, words]. */
function totals(articles: [number, number][]): Totals {
  const t = { ...ZERO };
  for (const [tw, w] of articles) {
    t.articles++;
    t.words += w;
    t.taggedWords += tw;
    t.passages += tw > 0 ? 1 : 0;
    t.articlesWithTheme += tw > 0 ? 1 : 0;
    t.taggedSq += tw * tw;
    t.taggedWordsCross += tw * w;
    t.wordsSq += w * w;
  }
  return t;
}

describe("Wilson score interval", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17, Table II, method 3 (score interval, no continuity correction).
  it.each([
    [81, 263, 25.53, 36.62],
    [15, 148, 6.24, 16.05],
    [0, 20, 0, 16.11],
    [1, 29, 0.61, 17.18],
  ])("%i of %i is %f to %f percent (Newcombe 1998)", (k, n, low, high) => {
    const i = wilsonInterval(k, n)!;
    expect(i.low).toBeCloseTo(low, 2);
    expect(i.high).toBeCloseTo(high, 2);
  });

  it("has no interval without articles", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("ratio-estimator interval of the share of text", () => {
  // By hand: t = 10, 0, 5, 20 tagged words of w = 100, 50, 100, 200 words. R = 35/450 = 7.7778%;
  // residuals t − R·w = 2.2222, −3.8889, −2.7778, 4.4444, squares sum to 47.5309;
  // SE = sqrt(47.5309 / (4·3)) / 112.5 = 0.017691; t(0.975, 3) = 3.182446; half-width 5.6300 points.
  const four = totals([
    [10, 100],
    [0, 50],
    [5, 100],
    [20, 200],
  ]);

  it("matches the hand computation", () => {
    expect(residualSumOfSquares(four)).toBeCloseTo(47.530864, 5);
    const i = shareInterval(four)!;
    expect(i.low).toBeCloseTo(2.14781, 4);
    expect(i.high).toBeCloseTo(13.40774, 4);
  });

  it("is computed exactly from the sums however large the counts (no cancellation)", () => {
    // Every article tags exactly 3% of its words: the residuals are all 0, so is the width.
    const big = totals([
      [3_000_000, 100_000_000],
      [6_000_000, 200_000_000],
      [900, 30_000],
    ]);
    expect(residualSumOfSquares(big)).toBe(0);
    expect(shareInterval(big)).toEqual({ low: 3, high: 3 });
  });

  it("is clipped to 0-100% and undefined for fewer than two articles", () => {
    // Two articles (the analytics fixture's reform in 2024-Q1): 5/14 = 35.7%, half-width 207 points.
    expect(shareInterval(totals([[4, 8], [1, 6]]))).toEqual({ low: 0, high: 100 });
    expect(shareInterval(totals([[4, 8]]))).toBeNull();
    expect(shareInterval(ZERO)).toBeNull();
  });
});

describe("metricInterval", () => {
  it("rounds like the value and gives counts no interval", () => {
    const t = totals([[1, 10], [0, 10], [0, 10], [3, 10]]);
    expect(metricInterval("articles", t)).toEqual({ low: 15.0039, high: 84.9961 }); // Wilson, 2 of 4
    expect(metricInterval("passages", t)).toBeNull();
  });
});
