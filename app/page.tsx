import { ArticleTable } from "@/components/article-table";
import { getArticleList, getThemes } from "@/lib/queries/articles";
import { connection } from "next/server";

export default async function HomePage() {
  await connection();
  const [articles, themes] = await Promise.all([getArticleList(), getThemes()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Articles</h1>
      <p className="text-sm text-muted">
        {articles.length} articles with their hand-tagged passages per theme.
      </p>
      <ArticleTable articles={articles} themes={themes} />
    </div>
  );
}
