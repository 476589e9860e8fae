import { ARTICLE_THEMES_COLUMNS } from "@/lib/http/exports";
import { viewSlug } from "@/lib/filters/schema";
import { csvResponse, filteredRoute } from "@/lib/http/routes";
import { streamArticleThemeCells } from "@/lib/queries/exports";

/** The base every chart number is summed from, streamed from a cursor a chunk of rows at a time. */
export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`article-themes_${viewSlug(filters, [])}`, ARTICLE_THEMES_COLUMNS, streamArticleThemeCells(filters), filters, catalog),
);
