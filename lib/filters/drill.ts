// The drill-down lives in the URL as `drill=period:2023-Q2:innovation` (a timeline point) or
// `drill=source:sasac:reform` (a bar), so an opened drill-down can be shared like any view.
import type { Drill } from "../queries/analytics";
import type { Granularity, ParamIssue } from "./schema";

const PERIOD_KEY: Record<Granularity, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

export function drillParam(d: Drill): string {
  return d.kind === "period" ? `period:${d.period}:${d.theme}` : `source:${d.source}:${d.theme}`;
}

export function parseDrill(
  raw: string | string[] | undefined,
  granularity: Granularity,
  known: { themes: readonly string[]; orgs: readonly string[] },
): Drill | undefined | ParamIssue {
  if (raw === undefined || raw === "") return undefined;
  if (Array.isArray(raw)) return { parameter: "drill", message: "may be given only once" };
  const [kind, key, theme, ...rest] = raw.split(":");
  if (rest.length || !theme) return { parameter: "drill", message: 'must look like "period:2023-Q2:innovation" or "source:sasac:reform"' };
  if (!known.themes.includes(theme)) return { parameter: "drill", message: `unknown theme "${theme}"` };
  if (kind === "period") {
    if (!PERIOD_KEY[granularity].test(key)) return { parameter: "drill", message: `"${key}" is not a ${granularity} period` };
    return { kind, period: key, theme };
  }
  if (kind === "source") {
    if (!known.orgs.includes(key)) return { parameter: "drill", message: `unknown organization "${key}"` };
    return { kind, source: key, theme };
  }
  return { parameter: "drill", message: `unknown drill-down kind "${kind}"; use "period" or "source"` };
}

/** A file-name-safe name for a drill-down: "2023-Q2-party-building", "source-sasac-reform". */
export function drillSlug(d: Drill): string {
  return d.kind === "period" ? `${d.period}-${d.theme}` : `source-${d.source}-${d.theme}`;
}

/** The dashboard URL (query and anchor) that opens a drill-down on top of a view's query. */
export function drillHref(baseQuery: string, drill: string): string {
  const q = new URLSearchParams(baseQuery);
  q.set("drill", drill);
  return `?${q.toString()}#passages`;
}
