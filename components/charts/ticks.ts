// Which periods of a timeline get an x-axis label. Recharts' own choice ("preserveStartEnd")
// labels the first and the last period and whatever fits between, so the gaps are uneven
// ("Aug 2023 | Dec 2023"). Here every label stands a whole number of calendar steps from the
// next (every quarter, every 2nd, every year's Q1, every 2nd year ...), the smallest step whose
// labels do not overlap at the chart's width, placed on round calendar positions (January, Q1,
// years divisible by 5) so the same periods are labelled at every width and in every panel.
import type { Granularity } from "@/lib/filters/url";

/** Steps, in periods, that read as calendar intervals. */
const STEPS: Record<Granularity, readonly number[]> = {
  month: [1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 600, 1200],
  quarter: [1, 2, 4, 8, 12, 20, 40, 80, 200, 400],
  year: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
};

/** Average width of a character of the 12 px axis labels, and the space kept between labels. */
export const TICK_CHAR_PX = 7;
export const TICK_GAP_PX = 12;

/** A period key ("2023-04", "2023-Q2", "2023") as a running number of periods, for alignment. */
export function periodOrdinal(period: string, granularity: Granularity): number {
  const year = Number(period.slice(0, 4));
  if (granularity === "month") return year * 12 + Number(period.slice(5, 7)) - 1;
  if (granularity === "quarter") return year * 4 + Number(period.slice(6, 7)) - 1;
  return year;
}

/** The granularity a period key is written in: "2023-04" month, "2023-Q2" quarter, "2023" year. */
export function granularityOf(period: string): Granularity {
  return period.includes("Q") ? "quarter" : period.length > 4 ? "month" : "year";
}

export type TickPeriod = { period: string; label: string };

/**
 * The labels to draw, for periods spread evenly over `plotWidth` pixels from edge to edge (the
 * timelines' point scale: the first period on the left edge, the last on the right). Returns
 * the periods' labels in order.
 */
export function evenTicks(periods: readonly TickPeriod[], granularity: Granularity, plotWidth: number): string[] {
  const n = periods.length;
  if (n <= 1) return periods.map((p) => p.label);
  const band = plotWidth / (n - 1);
  const widest = Math.max(...periods.map((p) => p.label.length)) * TICK_CHAR_PX + TICK_GAP_PX;
  const steps = STEPS[granularity];
  const step = steps.find((s) => s * band >= widest) ?? steps[steps.length - 1];
  if (step === 1) return periods.map((p) => p.label);
  const ordinals = periods.map((p) => periodOrdinal(p.period, granularity));
  // Round calendar positions: a step of 4 quarters labels every Q1, 12 months every January.
  let picked = periods.filter((_, i) => ordinals[i] % step === 0);
  // A short view may hold fewer than two round positions: count the steps from its first period instead.
  if (picked.length < 2) picked = periods.filter((_, i) => i % step === 0);
  return picked.map((p) => p.label);
}

/** Left margin + y-axis width + right margin of the timelines: what is left of the width is the plot. */
export function plotWidthOf(containerWidth: number, yAxisWidth: number, margin: { left: number; right: number }): number {
  return Math.max(0, containerWidth - yAxisWidth - margin.left - margin.right);
}
