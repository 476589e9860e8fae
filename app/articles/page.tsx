import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTable } from "@/components/article-table";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { getArticleList, getThemes } from "@/lib/queries/articles";
import { getArticleIdsInView } from "@/lib/queries/analytics";
import { toSearchParams } from "@/lib/filters/schema";
import { resolveView, type SearchParams } from "@/lib/filters/view";

export const metadata: Metadata = { title: "Articles" };

const PAGE_SIZE = 100;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const view = await resolveView(sp, ["page"]);
  const { catalog, filters } = view;
  const pageNumber = sp.page === undefined ? 1 : Number(sp.page);
  const issues =
    Number.isSafeInteger(pageNumber) && pageNumber >= 1
      ? view.issues
      : [...view.issues, { parameter: "page", message: "must be a whole number from 1" }];
  const header = (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold">Articles</h1>
      <p className="text-sm text-muted">The articles in view, with their passages per theme. Open one to read it with its passages highlighted.</p>
    </div>
  );
  if (issues.length) {
    return (
      <div className="space-y-4">
        {header}
        <FilterBar filters={filters} catalog={catalog} showChartControls={false} />
        <InvalidParams issues={issues} resetHref="/articles" />
      </div>
    );
  }
  const [{ total, ids }, themes] = await Promise.all([
    getArticleIdsInView(filters, { offset: (pageNumber - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    getThemes(),
  ]);
  const articles = await getArticleList({ ids });
  const shown = filters.themes.length ? themes.filter((t) => filters.themes.includes(t.slug)) : themes;
  const pageHref = (p: number) => {
    const q = toSearchParams(filters);
    if (p > 1) q.set("page", String(p));
    return `/articles${q.size ? `?${q}` : ""}`;
  };
  const first = (pageNumber - 1) * PAGE_SIZE + 1;
  return (
    <div className="space-y-4">
      {header}
      <FilterBar filters={filters} catalog={catalog} showChartControls={false} />
      <p className="text-sm" data-testid="summary">
        {total.toLocaleString("en")} article{total === 1 ? "" : "s"}
        {total > PAGE_SIZE && articles.length > 0 && ` · showing ${first.toLocaleString("en")}–${(first + articles.length - 1).toLocaleString("en")}`}
      </p>
      <ArticleTable articles={articles} themes={shown} view={toSearchParams(filters).toString()} />
      {total > PAGE_SIZE && (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {pageNumber > 1 && <Link href={pageHref(pageNumber - 1)}>← Newer</Link>}
          {first + articles.length - 1 < total && <Link href={pageHref(pageNumber + 1)}>Older →</Link>}
        </nav>
      )}
    </div>
  );
}
