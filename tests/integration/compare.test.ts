// Comparison of two periods or two sources: each side's value and interval equal the ones
// the dashboard's exports give for the same articles (a whole year = the year's point of
// timeline.csv, a source = its row of by-source.csv), the difference is b - a, and overlap is
// read off the two intervals. Bad sides are a 400 that changes nothing.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

type Route = { GET: (r: Request) => Promise<Response> };
let db: TempDb;
const r: Record<string, Route> = {};
beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  r.compare = await import("@/app/api/export/compare.csv/route");
  r.timeline = await import("@/app/api/export/timeline.csv/route");
  r.bySource = await import("@/app/api/export/by-source.csv/route");
  r.articleThemes = await import("@/app/api/export/article-themes.csv/route");
});
afterAll(() => db.cleanup());

type Row = Record<string, string>;
const csv = async (name: string, query: string): Promise<Row[]> => {
  const res = await r[name].GET(new Request(`http://test/x?${query}`));
  expect(res.status).toBe(200);
  return parse(await res.text(), { columns: true }) as Row[];
};
const overlap = (a: Row, pa: string, pb: string) =>
  a[`${pa}_ci_low`] === "" || a[`${pb}_ci_low`] === ""
    ? ""
    : Number(a[`${pa}_ci_low`]) <= Number(a[`${pb}_ci_high`]) && Number(a[`${pb}_ci_low`]) <= Number(a[`${pa}_ci_high`])
      ? "yes"
      : "no";

describe("compare.csv", () => {
  it("two whole years: each side is the year's point of the timeline, difference b - a, overlap from the intervals", async () => {
    const rows = await csv("compare", "a=2022-01-01..2022-12-31&b=2023-01-01..2023-12-31");
    const years = await csv("timeline", "granularity=year");
    expect(rows.map((x) => x.theme)).toEqual(["innovation", "supply-chain-security", "party-building", "reform"]);
    for (const x of rows) {
      const y22 = years.find((y) => y.period === "2022" && y.theme === x.theme)!;
      const y23 = years.find((y) => y.period === "2023" && y.theme === x.theme)!;
      expect([x.a_value, x.a_ci_low, x.a_ci_high, x.a_articles, x.a_words]).toEqual([y22.value, y22.ci_low, y22.ci_high, y22.articles, y22.words]);
      expect([x.b_value, x.b_ci_low, x.b_ci_high, x.b_articles, x.b_words]).toEqual([y23.value, y23.ci_low, y23.ci_high, y23.articles, y23.words]);
      expect(Number(x.difference)).toBeCloseTo(Number(x.b_value) - Number(x.a_value), 4);
      // 2022 has one coded article: no interval, so overlap is unknown, not "yes"
      expect(x.a_articles).toBe("1");
      expect(x.intervals_overlap).toBe("");
    }
  });

  it("two sources: each side is the source's row of by-source.csv; the share is tagged words over words of article-themes.csv", async () => {
    for (const metric of ["share", "articles", "passages"]) {
      const rows = await csv("compare", `a=sasac&b=china-minmetals&metric=${metric}`);
      const src = await csv("bySource", `metric=${metric}`);
      for (const x of rows) {
        const a = src.find((s) => s.source === "sasac" && s.theme === x.theme)!;
        const b = src.find((s) => s.source === "china-minmetals" && s.theme === x.theme)!;
        expect([x.a_value, x.a_ci_low, x.a_ci_high]).toEqual([a.value, a.ci_low, a.ci_high]);
        expect([x.b_value, x.b_ci_low, x.b_ci_high]).toEqual([b.value, b.ci_low, b.ci_high]);
        expect(x.intervals_overlap).toBe(overlap(x, "a", "b"));
      }
    }
    const base = await csv("articleThemes", "org=sasac&theme=reform");
    const share = (100 * base.reduce((s, x) => s + Number(x.tagged_words), 0)) / base.reduce((s, x) => s + Number(x.words), 0);
    const [reform] = await csv("compare", "a=sasac&b=china-minmetals&theme=reform");
    expect(Number(reform.a_value)).toBeCloseTo(share, 4);
  });

  it("refuses bad sides with a 400 naming the parameter, and changes nothing", async () => {
    const before = snapshot(db.file);
    const cases: [string, string, RegExp][] = [
      ["", "a", /is required/],
      ["a=sasac", "b", /is required/],
      ["a=sasac&b=2023-01-01..2023-12-31", "b", /same kind/],
      ["a=2023-12-31..2023-01-01&b=sasac", "a", /must not end before/],
      ["a=2023-02-30..2023-03-01&b=2023-04-01..2023-05-01", "a", /real dates/],
      ["a=nasa&b=sasac", "a", /unknown organization "nasa"/],
      ["a=sasac&a=sasac&b=sasac", "a", /only once/],
      ["a=<script>&b=sasac", "a", /must be a date range/],
    ];
    for (const [q, parameter, message] of cases) {
      const res = await r.compare.GET(new Request(`http://test/x?${q}`));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.issues[0].parameter).toBe(parameter);
      expect(body.issues[0].message).toMatch(message);
    }
    expect(snapshot(db.file)).toBe(before);
  });
});
