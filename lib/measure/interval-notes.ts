// What the UI says about an interval, without the statistics library: client components import
// this, so the t quantile (server-side arithmetic) stays out of the browser bundle.
import type { Metric } from "../filters/schema";
import type { Totals } from "./totals";

/** Points resting on fewer articles than this are marked as thin. */
export const THIN_N = 3;

/** Why a value has no interval, in words for tooltips and tables. */
export function noIntervalReason(metric: Metric, t: Pick<Totals, "articles">): string | null {
  if (metric === "passages") return "counts carry no interval";
  if (t.articles === 0) return "no coded articles";
  if (metric === "share" && t.articles < 2) return "one article: no interval";
  return null;
}
