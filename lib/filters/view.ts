import "server-only";
// What a page needs before it can draw: the filters from its URL, checked against what the
// database holds. Invalid parameters become messages for the page, never an exception.
import { checkKnownSlugs, parseFilters, type Filters, type ParamIssue } from "./schema";
import { getCatalog, type Catalog } from "../queries/analytics";

export type SearchParams = Record<string, string | string[] | undefined>;

export type PageView = { catalog: Catalog; filters: Filters; issues: ParamIssue[] };

const DEFAULT_FILTERS = (parseFilters({}) as { ok: true; value: Filters }).value;

export async function resolveView(searchParams: SearchParams, pageOnly: readonly string[] = []): Promise<PageView> {
  const catalog = await getCatalog();
  const parsed = parseFilters(searchParams, pageOnly);
  if (!parsed.ok) return { catalog, filters: DEFAULT_FILTERS, issues: parsed.issues };
  const unknown = checkKnownSlugs(parsed.value, {
    themes: catalog.themes.map((t) => t.slug),
    orgs: catalog.organizations.map((o) => o.slug),
    coders: catalog.coders,
  });
  return { catalog, filters: unknown.length ? DEFAULT_FILTERS : parsed.value, issues: unknown };
}
