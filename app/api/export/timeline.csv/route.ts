import { TIMELINE_COLUMNS, timelineRows } from "@/lib/http/exports";
import { viewSlug } from "@/lib/filters/schema";
import { csvResponse, filteredRoute } from "@/lib/http/routes";
import { getTimeline } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`theme-timeline_${viewSlug(filters)}`, TIMELINE_COLUMNS, timelineRows(await getTimeline(filters)), filters, catalog),
);
