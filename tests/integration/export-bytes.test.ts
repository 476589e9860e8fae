// The streamed exports write exactly the bytes the exports wrote before they streamed: the
// fixtures in tests/fixtures/exports/ were made by the earlier code (Prisma queries, batches of
// articles, words recounted from each quote) on the seed corpus, under many views, and only
// generated_at (the time of the request) is set aside. `UPDATE_FIXTURES=1` rewrites them.
// The same bytes also come out when the cursor is read in chunks of 1 and 7 rows, so no row
// is lost, doubled or reordered at a chunk's edge; passages.csv then also sorts its pieces of
// 1 and 7 articles apart and merges them (lib/queries/exports.ts passageRowChunks).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";
import { parseDrill } from "@/lib/filters/drill";
import { parseFilters } from "@/lib/filters/schema";
import { ARTICLE_THEMES_COLUMNS, PASSAGES_COLUMNS } from "@/lib/http/exports";

type Route = { GET: (r: Request) => Promise<Response> };
const FIX = path.join(import.meta.dirname, "../fixtures/exports");

/** The views each export is compared under: filters of every kind, a coder's coding, drill-downs. */
const VIEWS: Record<"article-themes" | "passages", string[]> = {
  "article-themes": [
    "",
    "theme=innovation",
    "theme=reform&theme=party-building",
    "coding=all",
    "coding=all&status=uncoded&status=in-progress",
    "org=sasac",
    "orgRole=publisher&org=china-minmetals",
    "orgRole=mentioned&org=state-council",
    "from=2023-01-01&to=2023-12-31",
    "coder=coder-b",
    "coder=seed-editor&coding=all",
    "status=coded",
  ],
  passages: [
    "",
    "theme=supply-chain-security",
    "coding=all",
    "org=china-minmetals",
    "orgRole=mentioned&org=sasac",
    "from=2022-01-01&to=2023-06-30",
    "coder=coder-b",
    "drill=period:2023-Q2:party-building",
    "granularity=year&drill=period:2023:reform",
    "drill=source:sasac:innovation",
    "drill=source:china-minmetals:reform&coding=all",
  ],
};

let db: TempDb;
let routes: Record<keyof typeof VIEWS, Route>;
// Modules that reach the database load once DATABASE_URL points at the seeded file.
let csvResponse: typeof import("@/lib/http/routes").csvResponse;
let getCatalog: typeof import("@/lib/queries/analytics").getCatalog;
let exportsQ: typeof import("@/lib/queries/exports");

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  routes = {
    "article-themes": await import("@/app/api/export/article-themes.csv/route"),
    passages: await import("@/app/api/export/passages.csv/route"),
  };
  ({ csvResponse } = await import("@/lib/http/routes"));
  ({ getCatalog } = await import("@/lib/queries/analytics"));
  exportsQ = await import("@/lib/queries/exports");
});
afterAll(() => db.cleanup());

/** generated_at is the last cell of every row (an ISO time, never quoted): set it aside. */
const withoutTime = (csv: string) => csv.replace(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\r\n/g, ",<generated_at>\r\n");

const fixture = (name: string, query: string) => path.join(FIX, `seeds_${name}_${query.replace(/[^a-z0-9]+/gi, "-") || "all"}.csv`);

describe.each(Object.keys(VIEWS) as (keyof typeof VIEWS)[])("%s.csv", (name) => {
  it.each(VIEWS[name])("writes the same bytes as before under ?%s", async (query) => {
    const res = await routes[name].GET(new Request(`http://test/x?${query}`));
    expect(res.status).toBe(200);
    const text = withoutTime(await res.text());
    if (process.env.UPDATE_FIXTURES) fs.writeFileSync(fixture(name, query), text);
    expect(text).toBe(fs.readFileSync(fixture(name, query), "utf8"));
  });

  it.each(VIEWS[name].flatMap((q) => [1, 7].map((n) => [q, n] as const)))("and the same bytes under ?%s read %i row(s) at a time", async (query, chunkRows) => {
    const params = new URLSearchParams(query);
    const parsed = parseFilters(params, ["drill"]);
    if (!parsed.ok) throw new Error(query);
    const f = parsed.value;
    const catalog = await getCatalog();
    let res: Response;
    if (name === "article-themes") {
      res = csvResponse("x", ARTICLE_THEMES_COLUMNS, exportsQ.streamArticleThemeCells(f, { chunkRows }), f, catalog);
    } else {
      const known = { themes: catalog.themes.map((t) => t.slug), orgs: catalog.organizations.map((o) => o.slug) };
      const drill = parseDrill(params.get("drill") ?? undefined, f.granularity, known);
      if (drill && "parameter" in drill) throw new Error(query);
      const chunks = (async function* () {
        yield* exportsQ.streamPassageCells(f, drill ?? undefined, { chunkRows, pieceArticles: chunkRows });
      })();
      res = csvResponse("x", PASSAGES_COLUMNS, chunks, f, catalog, drill ? { drill: params.get("drill")! } : {});
    }
    expect(withoutTime(await res.text())).toBe(fs.readFileSync(fixture(name, query), "utf8"));
  });
});
