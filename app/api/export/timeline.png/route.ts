import { timelineSvg } from "@/lib/charts/svg";
import { viewSlug } from "@/lib/filters/schema";
import { imageResponse, viewLine } from "@/lib/http/images";
import { filteredRoute } from "@/lib/http/routes";
import { getSummary, getTimeline } from "@/lib/queries/analytics";

/** The theme timeline as an image, same parameters as timeline.csv. */
export const GET = filteredRoute(async (filters, { catalog }) => {
  const [timeline, summary] = await Promise.all([getTimeline(filters), getSummary(filters)]);
  const meta = { title: "Theme timeline", view: viewLine(filters), codebookVersion: catalog.codebookVersion, articles: summary.articles, generatedAt: new Date().toISOString() };
  return imageResponse(timelineSvg(timeline, meta), "png", `theme-timeline_${viewSlug(filters)}`);
});
