import { parseSides, sideParam } from "@/lib/filters/compare";
import { viewSlug } from "@/lib/filters/schema";
import { COMPARE_COLUMNS, compareRows } from "@/lib/http/compare-export";
import { badRequest, csvResponse, filteredRoute } from "@/lib/http/routes";
import { getComparison } from "@/lib/queries/compare";

/** Two periods (a=2022-01-01..2022-12-31&b=...) or two sources (a=sasac&b=china-minmetals) side by side, per theme. */
export const GET = filteredRoute(
  async (filters, { catalog, params }) => {
    const sides = parseSides({ a: params.getAll("a"), b: params.getAll("b") }, new Map(catalog.organizations.map((o) => [o.slug, o.name])));
    if (!sides.ok) return badRequest(sides.issues);
    const c = await getComparison(filters, sides.a, sides.b);
    const name = `compare_${sideParam(sides.a)}_vs_${sideParam(sides.b)}_${viewSlug(filters, ["metric"])}`.replace(/\.\./g, "-to-");
    return csvResponse(name, COMPARE_COLUMNS, compareRows(c), filters, catalog, { a: sideParam(sides.a), b: sideParam(sides.b) });
  },
  ["a", "b"],
);
