import { badRequest, filteredRoute, jsonResponse } from "@/lib/http/routes";
import { getSearch, resolveSearchQuery } from "@/lib/queries/search";

/** Hits of `q` in the counted articles in view: counts over time and by source, and the first 200 hits in context. */
export const GET = filteredRoute(
  async (filters, { catalog, params }) => {
    const q = await resolveSearchQuery(params.getAll("q"));
    if (!q.ok) return badRequest([q.issue]);
    return jsonResponse({ filters, codebookVersion: catalog.codebookVersion, ...(await getSearch(filters, q.q)) });
  },
  ["q"],
);
