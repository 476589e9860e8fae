import { BY_SOURCE_COLUMNS, bySourceRows } from "@/lib/http/exports";
import { viewSlug } from "@/lib/filters/schema";
import { csvResponse, filteredRoute } from "@/lib/http/routes";
import { getBySource } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`theme-by-source_${viewSlug(filters, ["metric"])}`, BY_SOURCE_COLUMNS, bySourceRows(await getBySource(filters)), filters, catalog),
);
