import { ARTICLE_THEMES_COLUMNS, articleThemeRows } from "@/lib/http/exports";
import { viewSlug } from "@/lib/filters/schema";
import { csvResponse, filteredRoute } from "@/lib/http/routes";
import { iterateArticleThemeRows } from "@/lib/queries/analytics";

async function* batches(rows: ReturnType<typeof iterateArticleThemeRows>) {
  for await (const batch of rows) yield articleThemeRows(batch);
}

export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`article-themes_${viewSlug(filters, [])}`, ARTICLE_THEMES_COLUMNS, batches(iterateArticleThemeRows(filters)), filters, catalog),
);
