// Chart sizes known before the chart's code loads, so its box keeps its final height meanwhile.
import type { ChartBySource } from "./chart-data";

/** Height of the emphasis-by-source chart: room for every source's group of bars. */
export function bySourceHeight(b: Pick<ChartBySource, "sources" | "themes">): number {
  return Math.max(240, 110 + b.sources.length * 28 * Math.max(1, b.themes.length / 2));
}
