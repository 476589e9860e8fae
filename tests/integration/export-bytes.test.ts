// The streamed exports write exactly the bytes the exports wrote before they streamed: the
// fixtures in tests/fixtures/exports/ were made by the earlier code (Prisma queries, batches of
// articles, words recounted from each quote) on the seed corpus, under many views, and only
// generated_at (the time of the request) is set aside. `UPDATE_FIXTURES=1` rewrites them.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

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

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  routes = {
    "article-themes": await import("@/app/api/export/article-themes.csv/route"),
    passages: await import("@/app/api/export/passages.csv/route"),
  };
});
afterAll(() => db.cleanup());

/** generated_at is the last cell of every row (an ISO time, never quoted): set it aside. */
const withoutTime = (csv: string) => csv.replace(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\r\n/g, ",<generated_at>\r\n");

describe.each(Object.keys(VIEWS) as (keyof typeof VIEWS)[])("%s.csv", (name) => {
  it.each(VIEWS[name])("writes the same bytes as before under ?%s", async (query) => {
    const res = await routes[name].GET(new Request(`http://test/x?${query}`));
    expect(res.status).toBe(200);
    const text = withoutTime(await res.text());
    const file = path.join(FIX, `seeds_${name}_${query.replace(/[^a-z0-9]+/gi, "-") || "all"}.csv`);
    if (process.env.UPDATE_FIXTURES) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, "utf8"));
  });
});
