import { ARTICLE_THEMES_COLUMNS, articleThemeRows } from "@/lib/exports";
import { viewSlug } from "@/lib/filters";
import { csvResponse, filteredRoute } from "@/lib/http";
import { getArticleThemeRows } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`article-themes_${viewSlug(filters, [])}`, ARTICLE_THEMES_COLUMNS, articleThemeRows(await getArticleThemeRows(filters)), filters, catalog),
);
