import "server-only";
// One shape for every route handler: parse the query with the shared filter schema, answer
// 400 with the parameter and the problem on bad input, otherwise query and respond.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { csvHeader, csvRows, type CsvCell } from "./csv";
import { refuseUnlessEnabled, refuseWrite } from "../coding/authority";
import { refuseCrossSite, refuseNonJson } from "./origin";
import { TooManyPeriodsError } from "../measure/periods";
import type { WriteResult } from "../writes/result";
import { checkKnownSlugs, parseFilters, toSearchParams, type Filters, type ParamIssue } from "../filters/schema";
import { getCatalog, type Catalog } from "../queries/analytics";

export function badRequest(issues: ParamIssue[]): Response {
  const text = issues.map((i) => `${i.parameter}: ${i.message}`).join("; ");
  return Response.json({ error: `Invalid query parameters: ${text}`, issues }, { status: 400 });
}

type Handler = (filters: Filters, ctx: { catalog: Catalog; request: Request; params: URLSearchParams }) => Promise<Response>;

/** `extra` names the route's own parameters beside the filters (e.g. `drill`); the handler checks them. */
export function filteredRoute(handler: Handler, extra: readonly string[] = []): (request: Request) => Promise<Response> {
  return async (request) => {
    const params = new URL(request.url).searchParams;
    const parsed = parseFilters(params, extra);
    if (!parsed.ok) return badRequest(parsed.issues);
    const catalog = await getCatalog();
    const unknown = checkKnownSlugs(parsed.value, { themes: catalog.themes.map((t) => t.slug), orgs: catalog.organizations.map((o) => o.slug), coders: catalog.coders });
    if (unknown.length) return badRequest(unknown);
    try {
      return await handler(parsed.value, { catalog, request, params });
    } catch (e) {
      // The span came from the data (from or to left open) and is too wide for the granularity.
      if (e instanceof TooManyPeriodsError) return badRequest([{ parameter: parsed.value.from ? "to" : "from", message: e.message }]);
      throw e;
    }
  };
}

export function jsonResponse(data: unknown): Response {
  return Response.json(data, { headers: { "Cache-Control": "no-store" } });
}

/**
 * A CSV download. `rows` may be one array or chunks arriving over time (a cursor, see
 * lib/queries/exports.ts). The header goes out at once; after it, one chunk is written per
 * pull of the response stream, so a client that reads slowly slows the reading, and one
 * that goes away cancels the stream, which returns the iterator (closing its cursor).
 */
export function csvResponse(
  name: string,
  columns: readonly string[],
  rows: CsvCell[][] | AsyncIterable<CsvCell[][]>,
  filters: Filters,
  catalog: Catalog,
  extraView: Record<string, string> = {},
): Response {
  const view = toSearchParams(filters);
  for (const [k, v] of Object.entries(extraView)) view.set(k, v);
  const provenance = {
    codebookVersion: catalog.codebookVersion,
    coding: filters.coder ?? "consensus",
    view: view.toString() || "all",
    generatedAt: new Date().toISOString(),
  };
  const fromCursor = !Array.isArray(rows);
  const chunks: AsyncIterator<CsvCell[][]> = fromCursor
    ? rows[Symbol.asyncIterator]()
    : (async function* () {
        yield rows;
      })();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvHeader(columns, provenance)));
      },
      async pull(controller) {
        for (;;) {
          const next = await chunks.next();
          if (next.done) return controller.close();
          if (next.value.length === 0) continue;
          const bytes = encoder.encode(csvRows(next.value, provenance));
          // A chunk from a cursor is emptied once encoded: the generator that yielded it holds
          // the array until it is resumed, and rows still referenced when a minor collection
          // runs are moved to the old generation (see README, Performance, on the server's memory).
          if (fromCursor) next.value.length = 0;
          return controller.enqueue(bytes);
        }
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    // One chunk queued at most: the next is read only once the one before has been taken.
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * One shape for every write: refuse while tagging is off (403), a write from another site
 * (403), a body not declared JSON (415), or a writer without authority (403); parse the JSON body with
 * its schema (400 naming the field), run the write (400/404 with reasons), then let every page
 * show the new numbers.
 */
export async function handleWrite<S extends z.ZodType, T>(
  request: Request,
  schema: S,
  write: (input: z.infer<S>) => Promise<WriteResult<T>>,
): Promise<Response> {
  const refused = refuseUnlessEnabled() ?? refuseCrossSite(request) ?? refuseNonJson(request) ?? refuseWrite(request);
  if (refused) return refused;
  let body: unknown;
  try {
    body = request.method === "DELETE" ? {} : await request.json();
  } catch {
    return Response.json({ error: "The request body must be JSON.", issues: [] }, { status: 400 });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", message: i.message }));
    return Response.json({ error: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues }, { status: 400 });
  }
  const result = await write(parsed.data);
  if (!result.ok) {
    return Response.json({ error: result.issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues: result.issues }, { status: result.status });
  }
  revalidatePath("/", "layout");
  return Response.json(result.value);
}
