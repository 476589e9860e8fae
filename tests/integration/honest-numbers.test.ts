// The honest-numbers promises on the real seed corpus, tried as a new user would: an untagged
// import changes no theme value; a bucket without coded articles is null/empty, never 0; and the
// drill-down CSV holds exactly the passages behind the number that was clicked.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { parseFilters, type Filters } from "@/lib/filters/schema";
import type * as Analytics from "@/lib/queries/analytics";
import { importArticles } from "@/lib/writes/import";
import type { TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Route = { GET: (r: Request) => Promise<Response> };
type Row = Record<string, string>;
let db: TempDb;
let prisma: PrismaClient;
let q: typeof Analytics;
let routes: Record<"timelineCsv" | "bySourceCsv" | "passagesCsv" | "timeline", Route>;

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  prisma = createPrismaClient(db.url);
  q = await import("@/lib/queries/analytics");
  routes = {
    timeline: await import("@/app/api/timeline/route"),
    timelineCsv: await import("@/app/api/export/timeline.csv/route"),
    bySourceCsv: await import("@/app/api/export/by-source.csv/route"),
    passagesCsv: await import("@/app/api/export/passages.csv/route"),
  };
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});

const get = (route: keyof typeof routes, query = "") => routes[route].GET(new Request(`http://test/x?${query}`));
const csv = async (route: keyof typeof routes, query = ""): Promise<Row[]> =>
  (parse(await (await get(route, query)).text(), { columns: true }) as Row[]).map((r) => ({ ...r, generated_at: "" }));
const filters = (query: string): Filters => (parseFilters(new URLSearchParams(query)) as { ok: true; value: Filters }).value;

describe("no data is not zero", () => {
  it("writes null in JSON and empty cells in CSV for a bucket without coded articles", async () => {
    // The seeds are dated 2022-05 and 2023-04/10/12: by quarter, 2022-Q3 to 2023-Q1 have no articles at all.
    const body = await (await get("timeline")).json();
    const empty = body.periods.find((p: { period: string }) => p.period === "2022-Q3");
    expect(empty).toMatchObject({ articles: 0, words: 0, uncoded: 0 });
    expect(empty.cells.every((c: { value: unknown; ci: unknown }) => c.value === null && c.ci === null)).toBe(true);
    const rows = (await csv("timelineCsv")).filter((r) => r.period === "2022-Q3");
    expect(rows).toHaveLength(4);
    for (const r of rows) expect([r.value, r.ci_low, r.ci_high, r.articles]).toEqual(["", "", "", "0"]);
    // passages may read 0 only where there are coded articles
    const passages = (await csv("timelineCsv", "metric=passages")).filter((r) => r.period === "2022-Q3");
    expect(passages.every((r) => r.value === "")).toBe(true);
  });
});

describe("coding status in every denominator", () => {
  it("importing an untagged article changes no theme value anywhere, and the summary names it", async () => {
    const views = ["", "metric=articles", "metric=passages&granularity=year", "org=china-minmetals&granularity=month"];
    const before = await Promise.all(views.flatMap((v) => [csv("timelineCsv", v), csv("bySourceCsv", v)]));
    const summaryBefore = await q.getSummary(filters(""));
    const raw = "China Minmetals News\n\nChina Minmetals Corporation 2023-04-20\n\nThe company held a meeting on reform and innovation of the supply chain.\n\nSource: China Minmetals\n";
    const [outcome] = await importArticles(db.url, [{ file: "new_untagged.txt", raw }]);
    expect(outcome.status).toBe("imported");
    const stored = await prisma.article.findUniqueOrThrow({ where: { slug: "new-untagged" } });
    expect([stored.codingStatus, stored.dateBasis]).toEqual(["uncoded", "stated"]);

    const after = await Promise.all(views.flatMap((v) => [csv("timelineCsv", v), csv("bySourceCsv", v)]));
    expect(after).toEqual(before);
    const summary = await q.getSummary(filters(""));
    expect(summary).toMatchObject({ articles: summaryBefore.articles, words: summaryBefore.words, notCoded: 1, inView: summaryBefore.inView + 1 });
    // The 2023-Q2 bucket now says one article is left out as not yet coded.
    const t = await q.getTimeline(filters(""));
    expect(t.periods.find((p) => p.period === "2023-Q2")).toMatchObject({ articles: 1, uncoded: 1 });

    // Tag it and mark it coded: it comes in.
    const body = stored.body;
    const start = body.indexOf("reform");
    await prisma.annotation.create({ data: { articleId: stored.id, themeId: (await prisma.theme.findUniqueOrThrow({ where: { slug: "reform" } })).id, start, end: start + 6, quote: "reform", annotator: "t" } });
    const { refreshArticleStats } = await import("@/lib/writes/article-stats");
    await prisma.$transaction((tx) => refreshArticleStats(tx, stored.id));
    expect(await csv("timelineCsv")).toEqual(before[0]); // still uncoded: still nothing changes
    await prisma.article.update({ where: { id: stored.id }, data: { codingStatus: "coded" } });
    const q2 = (await csv("timelineCsv")).filter((r) => r.period === "2023-Q2");
    expect(q2.every((r) => r.articles === "2")).toBe(true);
    expect(q2.find((r) => r.theme === "reform")!.passages).toBe(String(Number(before[0].find((r) => r.period === "2023-Q2" && r.theme === "reform")!.passages) + 1));
  });
});

describe("the drill-down export is the panel", () => {
  it("returns, for every point and bar of the seeded dashboard, exactly the passages the panel counts", async () => {
    for (const granularity of ["quarter", "month", "year"]) {
      const f = filters(`granularity=${granularity}`);
      const t = await q.getTimeline(f);
      for (const p of t.periods) {
        for (const c of p.cells) {
          const drill = `period:${p.period}:${c.theme}`;
          const panel = await q.getPassages(f, { kind: "period", period: p.period, theme: c.theme }, 200);
          const res = await get("passagesCsv", `granularity=${granularity}&drill=${drill}`);
          const rows = parse(await res.text(), { columns: true }) as Row[];
          expect(rows.length, drill).toBe(panel.total);
          expect(rows.length, drill).toBe(c.passages);
          if (rows.length) expect(rows.every((r) => r.theme === c.theme && r.view.includes(`drill=${encodeURIComponent(drill)}`))).toBe(true);
        }
      }
    }
    const b = await q.getBySource(filters(""));
    for (const s of b.sources) {
      for (const c of s.cells) {
        const res = await get("passagesCsv", `drill=source:${s.source}:${c.theme}`);
        const rows = parse(await res.text(), { columns: true }) as Row[];
        expect(rows.length).toBe(c.passages);
        expect(rows.every((r) => r.source === s.source)).toBe(true);
      }
    }
  });

  it("names the drill-down in the file name and refuses a bad drill with a 400", async () => {
    const res = await get("passagesCsv", "drill=period:2023-Q2:party-building");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="passages_2023-Q2-party-building_quarter_all-themes.csv"');
    const bad = await get("passagesCsv", "drill=period:2023-13:reform&granularity=month");
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].parameter).toBe("drill");
  });
});
