import { bySourceSvg } from "@/lib/charts/svg";
import { viewSlug } from "@/lib/filters/schema";
import { imageResponse, viewLine } from "@/lib/http/images";
import { filteredRoute } from "@/lib/http/routes";
import { getBySource, getSummary } from "@/lib/queries/analytics";

/** Emphasis by source as an image, same parameters as by-source.csv. */
export const GET = filteredRoute(async (filters, { catalog }) => {
  const [bySource, summary] = await Promise.all([getBySource(filters), getSummary(filters)]);
  const meta = { title: "Emphasis by source", view: viewLine(filters), codebookVersion: catalog.codebookVersion, articles: summary.articles, generatedAt: new Date().toISOString() };
  return imageResponse(bySourceSvg(bySource, meta), "png", `emphasis-by-source_${viewSlug(filters, ["metric"])}`);
});
