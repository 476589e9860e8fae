import { viewSlug } from "@/lib/filters/schema";
import { COOCCURRENCE_COLUMNS, cooccurrenceRows } from "@/lib/http/cooccurrence-export";
import { csvResponse, filteredRoute } from "@/lib/http/routes";
import { getCooccurrence } from "@/lib/queries/cooccurrence";

/** One row per unordered pair of themes (codebook order); theme_a = theme_b is the theme's own totals. */
export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`cooccurrence_${viewSlug(filters, [])}`, COOCCURRENCE_COLUMNS, cooccurrenceRows(await getCooccurrence(filters)), filters, catalog),
);
