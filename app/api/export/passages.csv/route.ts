import { drillParam, drillSlug, parseDrill } from "@/lib/filters/drill";
import { viewSlug } from "@/lib/filters/schema";
import { PASSAGES_COLUMNS } from "@/lib/http/exports";
import { badRequest, csvResponse, filteredRoute } from "@/lib/http/routes";
import { streamPassageCells } from "@/lib/queries/exports";

/**
 * Every passage of the view, or with `drill` (as on the dashboard) exactly the passages behind
 * that one point or bar: all of them, also where the panel shows only the first page. Streamed
 * from a cursor a chunk of rows at a time; each passage's words are those stored with it.
 */
export const GET = filteredRoute(
  async (filters, { catalog, params }) => {
    const raw = params.getAll("drill");
    const known = { themes: catalog.themes.map((t) => t.slug), orgs: catalog.organizations.map((o) => o.slug) };
    const drill = parseDrill(raw.length > 1 ? raw : raw[0], filters.granularity, known);
    if (drill && "parameter" in drill) return badRequest([drill]);
    const name = drill ? `passages_${drillSlug(drill)}_${viewSlug(filters, ["granularity"])}` : `passages_${viewSlug(filters, [])}`;
    return csvResponse(name, PASSAGES_COLUMNS, streamPassageCells(filters, drill ?? undefined), filters, catalog, drill ? { drill: drillParam(drill) } : {});
  },
  ["drill"],
);
