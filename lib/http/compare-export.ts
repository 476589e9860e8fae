// compare.csv: one row per theme, both sides, the difference b - a and whether the 95% intervals overlap.
import type { CsvCell } from "./csv";
import { sideParam } from "../filters/compare";
import type { Comparison } from "../queries/compare";

export const COMPARE_COLUMNS = [
  "theme",
  "metric",
  "a",
  "a_value",
  "a_ci_low",
  "a_ci_high",
  "a_articles",
  "a_words",
  "b",
  "b_value",
  "b_ci_low",
  "b_ci_high",
  "b_articles",
  "b_words",
  "difference",
  "intervals_overlap",
] as const;

export function compareRows(c: Comparison): CsvCell[][] {
  return c.rows.map((r) => [
    r.theme,
    c.metric,
    sideParam(c.a),
    r.a.value,
    r.a.ci?.low,
    r.a.ci?.high,
    r.a.articles,
    r.a.words,
    sideParam(c.b),
    r.b.value,
    r.b.ci?.low,
    r.b.ci?.high,
    r.b.articles,
    r.b.words,
    r.difference,
    r.overlap === null ? "" : r.overlap ? "yes" : "no",
  ]);
}
