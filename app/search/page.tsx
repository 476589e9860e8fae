import type { Metadata } from "next";
import { CopyLink } from "@/components/dashboard/copy-link";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { HitBySource, HitTimeline } from "@/components/search/hit-charts";
import { HitList } from "@/components/search/hit-list";
import { SearchForm } from "@/components/search/search-form";
import { toSearchParams } from "@/lib/filters/schema";
import { resolveView, type SearchParams } from "@/lib/filters/view";
import { getSearch, resolveSearchQuery } from "@/lib/queries/search";

export const metadata: Metadata = { title: "Search" };

const LIST_LIMIT = 200;

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { catalog, filters, issues } = await resolveView(sp, ["q"]);
  const raw = sp.q === undefined ? [] : [sp.q].flat();
  const typed = raw[0] ?? "";
  const q = raw.length === 0 || (raw.length === 1 && !typed.trim()) ? null : await resolveSearchQuery(raw);
  const allIssues = [...issues, ...(q && !q.ok ? [q.issue] : [])];
  const header = (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold">Search</h1>
      <p className="text-sm text-muted">
        Every occurrence of a formulation in the coded articles in view, in context, with the themes of the passages it falls in.
      </p>
    </div>
  );
  const keep: Record<string, string> = typed ? { q: typed } : {};
  const form = <SearchForm q={typed} filters={filters} />;
  if (allIssues.length || !q || !q.ok) {
    return (
      <div className="space-y-4">
        {header}
        {form}
        <FilterBar filters={filters} catalog={catalog} keep={keep} />
        {allIssues.length > 0 && <InvalidParams issues={allIssues} resetHref="/search" />}
      </div>
    );
  }

  const result = await getSearch(filters, q.q, LIST_LIMIT);
  const view = toSearchParams(filters);
  const exportQuery = new URLSearchParams(view);
  exportQuery.set("q", q.q);
  const notCounted = filters.coding === "coded" ? " coded" : "";
  return (
    <div className="space-y-6">
      {header}
      {form}
      <FilterBar filters={filters} catalog={catalog} keep={keep} />
      <p className="text-sm" data-testid="search-summary">
        <strong>{result.hits.toLocaleString("en")}</strong> hit{result.hits === 1 ? "" : "s"} in <strong>{result.articles.toLocaleString("en")}</strong> of the {result.searched.toLocaleString("en")}
        {notCounted} article{result.searched === 1 ? "" : "s"} in view
        {result.index === "trigram" ? " (matched as written, by 3-character substrings)" : ""}.{" "}
        <a href={`/api/export/search.csv?${exportQuery}`} download>
          Download every hit (CSV)
        </a>
      </p>
      <CopyLink />
      {result.hits > 0 && (
        <div className="grid gap-6 xl:grid-cols-2">
          <section aria-labelledby="hit-timeline-title" className="rounded-lg border border-border p-4">
            <h2 id="hit-timeline-title" className="text-lg font-semibold">
              Hits over time
            </h2>
            <p className="mb-2 text-sm text-muted">
              Hits per 10,000 words of the {filters.granularity}&apos;s{notCounted} articles; a gap where a {filters.granularity} has none.
              {result.leftOff > 0 && ` ${result.leftOff} hit${result.leftOff === 1 ? " is" : "s are"} in articles whose date is unknown or too coarse to place.`}
            </p>
            <HitTimeline periods={result.periods} />
          </section>
          <section aria-labelledby="hit-source-title" className="rounded-lg border border-border p-4">
            <h2 id="hit-source-title" className="text-lg font-semibold">
              Hits by source
            </h2>
            <p className="mb-2 text-sm text-muted">Hits per 10,000 words of each source&apos;s{notCounted} articles, all dates together.</p>
            <HitBySource sources={result.sources} />
          </section>
        </div>
      )}
      {result.hits > 0 ? (
        <HitList hits={result.list} total={result.hits} themes={catalog.themes} readerQuery={view.toString()} />
      ) : (
        <p className="rounded-lg border border-border bg-surface p-6 text-center text-sm" data-testid="no-hits">
          No occurrence in the {result.searched}
          {notCounted} articles in view.
        </p>
      )}
    </div>
  );
}
