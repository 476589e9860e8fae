import { TIMELINE_COLUMNS, timelineRows } from "@/lib/exports";
import { viewSlug } from "@/lib/filters";
import { csvResponse, filteredRoute } from "@/lib/http";
import { getTimeline } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`theme-timeline_${viewSlug(filters)}`, TIMELINE_COLUMNS, timelineRows(await getTimeline(filters)), filters, catalog),
);
