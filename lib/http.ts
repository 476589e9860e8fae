import "server-only";
// One shape for every route handler: parse the query with the shared filter schema, answer
// 400 with the parameter and the problem on bad input, otherwise query and respond.
import { toCsv, type CsvCell } from "./csv";
import { checkKnownSlugs, parseFilters, toSearchParams, type Filters, type ParamIssue } from "./filters";
import { getCatalog, type Catalog } from "./queries/analytics";

export function badRequest(issues: ParamIssue[]): Response {
  const text = issues.map((i) => `${i.parameter}: ${i.message}`).join("; ");
  return Response.json({ error: `Invalid query parameters: ${text}`, issues }, { status: 400 });
}

type Handler = (filters: Filters, ctx: { catalog: Catalog; request: Request }) => Promise<Response>;

export function filteredRoute(handler: Handler): (request: Request) => Promise<Response> {
  return async (request) => {
    const parsed = parseFilters(new URL(request.url).searchParams);
    if (!parsed.ok) return badRequest(parsed.issues);
    const catalog = await getCatalog();
    const unknown = checkKnownSlugs(parsed.value, { themes: catalog.themes.map((t) => t.slug), orgs: catalog.organizations.map((o) => o.slug) });
    if (unknown.length) return badRequest(unknown);
    return handler(parsed.value, { catalog, request });
  };
}

export function jsonResponse(data: unknown): Response {
  return Response.json(data, { headers: { "Cache-Control": "no-store" } });
}

export function csvResponse(
  name: string,
  columns: readonly string[],
  rows: CsvCell[][],
  filters: Filters,
  catalog: Catalog,
): Response {
  const csv = toCsv(columns, rows, {
    codebookVersion: catalog.codebookVersion,
    view: toSearchParams(filters).toString() || "all",
    generatedAt: new Date().toISOString(),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
