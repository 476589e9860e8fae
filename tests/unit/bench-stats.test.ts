// The benchmark's summaries of a handful of runs: the median, the nearest-rank percentile, and
// which run is reported as the median one (Lighthouse reports that run's LCP and TBT with its score).
import { describe, expect, it } from "vitest";
import { median, medianIndex, percentile } from "@/scripts/bench/stats";

describe("bench statistics", () => {
  it("median: the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("percentile: nearest rank", () => {
    // 20 values 1..20: rank ceil(0.95 * 20) = 19.
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19);
    expect(percentile([5, 1, 9], 50)).toBe(5);
  });

  it("medianIndex: the median run itself, whatever order the runs came in", () => {
    // The seeded dashboard's five runs of 2026-12-01 23:50: the median is 0.85 (the third run).
    // The earlier rule (the first run scoring at least the median) picked the first, 0.93.
    expect(medianIndex([0.93, 0.72, 0.85, 0.83, 0.86])).toBe(2);
    // Three runs: the old rule reported the first (0.86), the median run is the last (0.84).
    expect(medianIndex([0.86, 0.8, 0.84])).toBe(2);
    expect(medianIndex([0.7])).toBe(0);
    // Even count: the lower of the two middle runs (0.8 of 0.8 and 0.9).
    expect(medianIndex([0.9, 0.8, 1.0, 0.7])).toBe(1);
    // Ties keep the runs' order: the middle one of three equal runs.
    expect(medianIndex([0.8, 0.8, 0.8])).toBe(1);
    expect(medianIndex([])).toBe(-1);
  });
});
