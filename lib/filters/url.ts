// The filter vocabulary the browser needs, without zod: the names and values of the filter
// parameters, their labels, and `toSearchParams`, which writes a view back into a URL. The
// filter controls and the navigation import this module; the server parses URLs with the one
// schema (schema.ts), which takes its names and values from here, so both speak the same words.
// Keep it free of zod and of anything server-side: everything it imports ships to the browser.
import type { Filters } from "./schema";

export type { Filters };

export const ORG_ROLES = ["source", "publisher", "mentioned"] as const;
export const GRANULARITIES = ["month", "quarter", "year"] as const;
export const METRICS = ["share", "passages", "articles"] as const;
/** Which articles theme metrics count: coded and reviewed ones (default), or every article. */
export const CODINGS = ["coded", "all"] as const;

export type OrgRole = (typeof ORG_ROLES)[number];
export type Granularity = (typeof GRANULARITIES)[number];
export type Metric = (typeof METRICS)[number];
export type Coding = (typeof CODINGS)[number];

export const DEFAULTS = { orgRole: "source", granularity: "quarter", metric: "share", coding: "coded" } as const;

/** The query parameters that are filters, in the schema's order (a unit test holds them to the schema). */
export const FILTER_PARAMS = ["theme", "org", "orgRole", "from", "to", "granularity", "metric", "coding", "status", "coder"] as const;

/** The URL query for a view, defaults left out so shared links stay short. */
export function toSearchParams(f: Partial<Filters>): URLSearchParams {
  const p = new URLSearchParams();
  for (const t of f.themes ?? []) p.append("theme", t);
  for (const o of f.orgs ?? []) p.append("org", o);
  if (f.orgRole && f.orgRole !== DEFAULTS.orgRole) p.set("orgRole", f.orgRole);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.granularity && f.granularity !== DEFAULTS.granularity) p.set("granularity", f.granularity);
  if (f.metric && f.metric !== DEFAULTS.metric) p.set("metric", f.metric);
  if (f.coding && f.coding !== DEFAULTS.coding) p.set("coding", f.coding);
  for (const s of f.statuses ?? []) p.append("status", s);
  if (f.coder) p.set("coder", f.coder);
  return p;
}

export const METRIC_LABELS: Record<Metric, string> = {
  share: "Share of text (%)",
  passages: "Passages",
  articles: "Articles with the theme (%)",
};

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  source: "Source",
  publisher: "Publisher",
  mentioned: "Mentioned",
};

export const ORG_ROLE_HINTS: Record<OrgRole, string> = {
  source: "whose words the article reports",
  publisher: "the site the text was taken from",
  mentioned: "organizations named in the text",
};

export const CODING_LABELS: Record<Coding, string> = {
  coded: "Coded articles",
  all: "All articles, uncoded too",
};
