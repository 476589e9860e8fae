import type { Metric } from "@/lib/filters/schema";
import { formatValue } from "@/lib/measure/totals";
import { noIntervalReason, THIN_N } from "@/lib/measure/interval-notes";
import type { ChartCell } from "./chart-data";

/** "95% CI 12.3–18.0%", or why there is none; null for counts. Shared by tooltips and tables. */
export function intervalText(metric: Metric, c: ChartCell): string | null {
  if (metric === "passages") return null;
  if (c.ci) return `95% CI ${formatValue(metric, c.ci.low).replace("%", "")}–${formatValue(metric, c.ci.high)}`;
  return noIntervalReason(metric, c);
}

/** The articles of inferred date a point names (the first few), and how many more there are. */
export function inferredNames(p: { inferredCount: number; inferred: { title: string }[] }): string[] {
  const names = p.inferred.map((a) => a.title);
  const more = p.inferredCount - names.length;
  return more > 0 ? [...names, `and ${more} more`] : names;
}

/** Warnings a point or bar carries: thin evidence, inferred dates. */
export function pointNotes(articles: number, inferred: string[]): string[] {
  const notes: string[] = [];
  if (articles > 0 && articles < THIN_N) notes.push(`Rests on ${articles} coded article${articles === 1 ? "" : "s"} only.`);
  if (inferred.length) notes.push(`Includes an inferred date: ${inferred.join("; ")}.`);
  return notes;
}
