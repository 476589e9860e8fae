import type { Metadata } from "next";
import { ArticleTable } from "@/components/article-table";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { getArticleList, getThemes } from "@/lib/queries/articles";
import { getArticleIdsInView } from "@/lib/queries/analytics";
import { resolveView, type SearchParams } from "@/lib/view";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { catalog, filters, issues } = await resolveView(await searchParams);
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
  const [ids, themes] = await Promise.all([getArticleIdsInView(filters), getThemes()]);
  const articles = await getArticleList({ ids });
  const shown = filters.themes.length ? themes.filter((t) => filters.themes.includes(t.slug)) : themes;
  return (
    <div className="space-y-4">
      {header}
      <FilterBar filters={filters} catalog={catalog} showChartControls={false} />
      <p className="text-sm" data-testid="summary">
        {articles.length} article{articles.length === 1 ? "" : "s"}
      </p>
      <ArticleTable articles={articles} themes={shown} />
    </div>
  );
}
