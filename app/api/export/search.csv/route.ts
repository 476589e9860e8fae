import { viewSlug } from "@/lib/filters/schema";
import { SEARCH_COLUMNS, searchHitRows } from "@/lib/http/search-export";
import { badRequest, csvResponse, filteredRoute } from "@/lib/http/routes";
import { iterateSearchHits, resolveSearchQuery } from "@/lib/queries/search";

/** Every hit of `q` in the counted articles in view, one row per hit, streamed a batch of articles at a time. */
export const GET = filteredRoute(
  async (filters, { catalog, params }) => {
    const q = await resolveSearchQuery(params.getAll("q"));
    if (!q.ok) return badRequest([q.issue]);
    const batches = (async function* () {
      for await (const hits of iterateSearchHits(filters, q.q)) yield searchHitRows(hits);
    })();
    const name = `search_${q.q.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 60) || "query"}_${viewSlug(filters, [])}`;
    return csvResponse(name, SEARCH_COLUMNS, batches, filters, catalog, { q: q.q });
  },
  ["q"],
);
