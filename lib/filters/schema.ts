// The one filter schema: the dashboard page, the JSON API and the CSV exports all parse
// the URL's query with it, and the filter controls write the URL with `toSearchParams`,
// so a view is exactly its URL. Types come from the schema.
import { z } from "zod";
import { CODER_NAME, CODER_NAME_HINT, CODING_STATUSES } from "../coding/status";
import { isIsoDay } from "../measure/dates";
import { MAX_PERIODS, periodCount, periodKey, tooManyPeriodsMessage } from "../measure/periods";
// The names, values, labels and URL writer live in url.ts (no zod), which the browser imports.
import { CODINGS, DEFAULTS, GRANULARITIES, METRICS, ORG_ROLES } from "./url";
export { CODING_LABELS, CODINGS, DEFAULTS, GRANULARITIES, METRIC_LABELS, METRICS, ORG_ROLE_HINTS, ORG_ROLE_LABELS, ORG_ROLES, toSearchParams } from "./url";

// zod probes whether it may compile parsers with `Function(...)`; in the browser that probe is an
// eval the Content-Security-Policy refuses (and reports). The browser no longer bundles this
// module (it imports url.ts), but keep the compiler off: parsing a query is small work either way.
z.config({ jitless: true });

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug (lower-case words joined by hyphens)");
/** Keys and stored dates are four-digit ISO years, so a filter date must be in years 1000-9999. */
export const MIN_YEAR = 1000;
const isoDay = z.string().superRefine((d, ctx) => {
  if (!isIsoDay(d)) ctx.addIssue({ code: "custom", message: "must be a real date written YYYY-MM-DD" });
  else if (Number(d.slice(0, 4)) < MIN_YEAR) ctx.addIssue({ code: "custom", message: `must be a date from ${MIN_YEAR}-01-01 to 9999-12-31` });
});
const one = <T extends z.ZodType<unknown, string | undefined>>(schema: T) =>
  z
    .array(z.string())
    .max(1, "may be given only once")
    .optional()
    .transform((v) => v?.[0])
    .pipe(schema);

export const filtersSchema = z
  .strictObject({
    theme: z.array(slug).max(50, "at most 50 themes").default([]),
    org: z.array(slug).max(200, "at most 200 organizations").default([]),
    orgRole: one(z.enum(ORG_ROLES).default(DEFAULTS.orgRole)),
    from: one(isoDay.optional()),
    to: one(isoDay.optional()),
    granularity: one(z.enum(GRANULARITIES).default(DEFAULTS.granularity)),
    metric: one(z.enum(METRICS).default(DEFAULTS.metric)),
    coding: one(z.enum(CODINGS).default(DEFAULTS.coding)),
    status: z.array(z.enum(CODING_STATUSES)).default([]),
    /** chart one coder's coding instead of the consensus */
    coder: one(z.string().regex(CODER_NAME, `must be a coder's name (${CODER_NAME_HINT})`).optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must not be before from" })
  .superRefine((f, ctx) => {
    if (!f.from || !f.to || f.from > f.to) return;
    const n = periodCount(periodKey(f.from, f.granularity), periodKey(f.to, f.granularity), f.granularity);
    if (n > MAX_PERIODS) ctx.addIssue({ code: "custom", path: ["to"], message: tooManyPeriodsMessage(n, f.granularity) });
  })
  .transform(({ theme, org, status, ...rest }) => ({
    themes: [...new Set(theme)],
    orgs: [...new Set(org)],
    statuses: [...new Set(status)],
    ...rest,
  }));

export type Filters = z.infer<typeof filtersSchema>;
export type OrgRole = Filters["orgRole"];
export type Granularity = Filters["granularity"];
export type Metric = Filters["metric"];
export type Coding = Filters["coding"];

export type ParamIssue = { parameter: string; message: string };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ParamIssue[] };

type RawParams = URLSearchParams | Record<string, unknown>;

/**
 * Every parameter as a list of its values, blanks dropped (an empty form field means "not set").
 * The map has no prototype, so a parameter named `constructor`, `toString` or `__proto__` is
 * just an unknown key for the schema to report, not an inherited member.
 */
export function toMultiMap(params: RawParams, ignore: readonly string[] = []): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>;
  // Next.js builds a page's searchParams on a plain object, so `?constructor=1` arrives as
  // [Object, "1"]: values that are not strings are dropped, the name stays and is reported.
  const add = (k: string, v: unknown) => {
    if (typeof v !== "string" || ignore.includes(k) || v.trim() === "") return;
    (out[k] ??= []).push(v.trim());
  };
  if (params instanceof URLSearchParams) params.forEach((v, k) => add(k, v));
  else for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) add(k, x);
  return out;
}

export function issuesOf(error: z.ZodError): ParamIssue[] {
  return error.issues.map((i) => {
    const parameter = i.code === "unrecognized_keys" ? i.keys.join(", ") : String(i.path[0] ?? "query");
    const message =
      i.code === "unrecognized_keys"
        ? `unknown parameter${i.keys.length > 1 ? "s" : ""}; expected ${Object.keys(filtersSchema.in.shape).join(", ")}`
        : i.code === "invalid_value" && "values" in i
          ? `must be one of ${i.values.map(String).join(", ")}`
          : i.message;
    return { parameter, message };
  });
}

/** Parse a URL query into filters; `extra` names page-only parameters to leave alone. */
export function parseFilters(params: RawParams, extra: readonly string[] = []): ParseResult<Filters> {
  const parsed = filtersSchema.safeParse(toMultiMap(params, extra));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** Unknown theme or organization slugs, checked against what the database holds. */
export function checkKnownSlugs(filters: Filters, known: { themes: readonly string[]; orgs: readonly string[]; coders?: readonly string[] }): ParamIssue[] {
  const issues: ParamIssue[] = [];
  if (filters.coder && known.coders && filters.coder !== "consensus" && !known.coders.includes(filters.coder))
    issues.push({ parameter: "coder", message: `unknown coder "${filters.coder}"; known: ${known.coders.join(", ") || "none"}` });
  const themes = new Set(known.themes);
  const orgs = new Set(known.orgs);
  for (const t of filters.themes) if (!themes.has(t)) issues.push({ parameter: "theme", message: `unknown theme "${t}"; known: ${known.themes.join(", ")}` });
  for (const o of filters.orgs) if (!orgs.has(o)) issues.push({ parameter: "org", message: `unknown organization "${o}"` });
  return issues;
}

/** What a chart's number is, in a sentence, for its description. */
export function metricDescription(metric: Metric, per: string): string {
  if (metric === "share") return `Share of text: words inside the theme's passages as a percentage of all words, summed over each ${per}.`;
  if (metric === "passages") return `Number of tagged passages per ${per}.`;
  return `Percentage of articles with at least one passage of the theme, per ${per}.`;
}

/** A short, file-name-safe description of a view, for downloads: "quarter-share-reform-source-sasac-2023-01-01-to-2023-12-31". */
export function viewSlug(f: Filters, parts: readonly ("granularity" | "metric")[] = ["granularity", "metric"]): string {
  const bits: string[] = [];
  if (parts.includes("granularity")) bits.push(f.granularity);
  if (parts.includes("metric")) bits.push(f.metric);
  bits.push(f.themes.length ? f.themes.join("+") : "all-themes");
  if (f.orgs.length) bits.push(`${f.orgRole}-${f.orgs.join("+")}`);
  if (f.from || f.to) bits.push(`${f.from ?? "start"}-to-${f.to ?? "end"}`);
  if (f.statuses.length) bits.push(`status-${f.statuses.join("+")}`);
  if (f.coding === "all") bits.push("incl-uncoded");
  if (f.coder) bits.push(`coder-${f.coder}`);
  const slug = bits.join("_").replace(/[^a-z0-9+_-]/gi, "-");
  return slug.length > 150 ? slug.slice(0, 150) : slug;
}

/** Page-only parameters of the dashboard, beside the filters: how the charts are laid out. */
export const LAYOUTS = ["overlay", "small-multiples"] as const;
export type Layout = (typeof LAYOUTS)[number];
export const layoutSchema = one(z.enum(LAYOUTS).default("overlay"));
