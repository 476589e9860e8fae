// Chart numbers against a real SQLite file seeded with the analytics fixture; every
// expectation is computed by hand from the table in tests/helpers/fixture.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters, type Filters } from "@/lib/filters/schema";
import type * as Analytics from "@/lib/queries/analytics";
import type { TempDb } from "../helpers/db";
import { analyticsSeedDir } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

let db: TempDb;
let q: typeof Analytics;
beforeAll(async () => {
  db = await seededDb(analyticsSeedDir());
  q = await import("@/lib/queries/analytics");
});
afterAll(() => db.cleanup());

function filters(query: string): Filters {
  const r = parseFilters(new URLSearchParams(query));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** period -> theme -> value */
async function timeline(query: string) {
  const t = await q.getTimeline(filters(query));
  return {
    values: Object.fromEntries(t.periods.map((p) => [p.period, Object.fromEntries(p.cells.map((c) => [c.theme, c.value]))])),
    periods: t.periods,
    leftOff: t.leftOff,
  };
}

/** theme -> cell of the first period */
async function q2(query: string) {
  const t = await q.getTimeline(filters(query));
  return Object.fromEntries(t.periods[0].cells.map((c) => [c.theme, c]));
}

describe("timeline", () => {
  it("buckets by month with sum/sum shares, a month without coded articles as no value, and coarse dates left off", async () => {
    const t = await timeline("granularity=month");
    expect(t.values).toEqual({
      "2024-01": { innovation: 50, reform: 50 }, // alpha: 4/8, 4/8
      "2024-02": { innovation: null, reform: null }, // only eps, which is not coded yet: nothing measured, not 0
      "2024-03": { innovation: 50, reform: 16.6667 }, // gamma (month precision fits a month): 3/6, 1/6
    });
    expect(t.periods[1]).toMatchObject({ period: "2024-02", label: "Feb 2024", start: "2024-02-01", end: "2024-02-29", articles: 0, words: 0, uncoded: 1 });
    expect(t.periods[1].cells.map((c) => c.ci)).toEqual([null, null]);
    expect(t.leftOff).toEqual({ unknownDate: 1, tooCoarse: 1, coarsePrecisions: ["year"] }); // beta, delta
  });

  it("counts uncoded articles only when asked (coding=all), and says so per bucket", async () => {
    const t = await timeline("granularity=month&coding=all");
    expect(t.values["2024-02"]).toEqual({ innovation: 100, reform: 0 }); // eps: 3/3 innovation, no reform
    expect(t.periods[1]).toMatchObject({ articles: 1, words: 3, uncoded: 0 });
    expect((await timeline("granularity=month&status=in-progress")).values).toEqual({ "2024-02": { innovation: null, reform: null } });
  });

  it("gives every share and articles value its 95% interval, computed from the sums", async () => {
    const quarter = await q2("granularity=quarter");
    // innovation: alpha 4/8 and gamma 3/6 sit exactly on R = 7/14, so the residuals and the width are 0.
    expect(quarter.innovation.ci).toEqual({ low: 50, high: 50 });
    // reform: residuals ±1.142857, SE = sqrt(2.612245 / 2) / 7 = 0.163265, t(0.975, 1) = 12.7062: ±207 points, clipped.
    expect(quarter.reform.ci).toEqual({ low: 0, high: 100 });
    // articles with the theme: 2 of 2 by Wilson: 34.2380% to 100%.
    const a = await q2("granularity=quarter&metric=articles");
    expect(a.innovation.ci).toEqual({ low: 34.2380, high: 100 });
    expect((await q2("granularity=quarter&metric=passages")).innovation.ci).toBeNull();
    // One article: no interval for a share, Wilson still defined.
    const m = await q.getTimeline(filters("granularity=month"));
    expect(m.periods[0].cells[0].ci).toBeNull();
  });

  it("names the articles whose date an editor inferred on the points they are part of", async () => {
    const t = await q.getTimeline(filters("granularity=year"));
    expect(t.periods.map((p) => [p.period, p.inferred.map((a) => a.slug)])).toEqual([
      ["2023", ["delta-004"]],
      ["2024", []],
    ]);
  });

  it("sums words across a quarter rather than averaging the articles' shares", async () => {
    const t = await timeline("granularity=quarter");
    // alpha + gamma: innovation (4+3)/(8+6) = 50%; reform (4+1)/14 = 35.7143% (the mean of 50% and 16.67% would be 33.33%)
    expect(t.values).toEqual({ "2024-Q1": { innovation: 50, reform: 35.7143 } });
    expect(t.periods[0]).toMatchObject({ articles: 2, words: 14, start: "2024-01-01", end: "2024-03-31" });
  });

  it("places year-precision dates only on a yearly timeline, zero-filling the years between", async () => {
    const t = await timeline("granularity=year");
    expect(t.values).toEqual({ "2023": { innovation: 0, reform: 0 }, "2024": { innovation: 50, reform: 35.7143 } });
    expect(t.leftOff.tooCoarse).toBe(0);
    expect(t.leftOff.unknownDate).toBe(1);
  });

  it("computes passages and articles-with-the-theme metrics", async () => {
    expect((await timeline("granularity=quarter&metric=passages")).values).toEqual({ "2024-Q1": { innovation: 3, reform: 2 } });
    expect((await timeline("granularity=quarter&metric=articles")).values).toEqual({ "2024-Q1": { innovation: 100, reform: 100 } });
  });

  it("shows only the chosen themes", async () => {
    expect((await timeline("granularity=quarter&theme=reform")).values).toEqual({ "2024-Q1": { reform: 35.7143 } });
  });

  it("zero-fills the whole date range and keeps only articles whose date lies inside it", async () => {
    const t = await timeline("granularity=month&from=2024-01-01&to=2024-02-29");
    expect(t.values).toEqual({ "2024-01": { innovation: 50, reform: 50 }, "2024-02": { innovation: null, reform: null } });
    const y = await timeline("granularity=quarter&from=2023-01-01&to=2023-12-31");
    expect(Object.keys(y.values)).toEqual(["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]);
    expect(y.leftOff.tooCoarse).toBe(1); // delta is in the range, but only known to the year
    expect(Object.values(y.values).every((v) => v.innovation === null)).toBe(true); // no coded article placed in 2023's quarters
  });

  it("filters organizations by role: source, publisher, mentioned", async () => {
    expect((await timeline("granularity=quarter&org=regulator")).values).toEqual({}); // beta undated, delta year-only
    expect((await timeline("granularity=quarter&org=regulator&orgRole=publisher")).values).toEqual({
      "2024-Q1": { innovation: 50, reform: 16.6667 }, // gamma alone
    });
    expect((await timeline("granularity=quarter&org=regulator&orgRole=mentioned")).values).toEqual({
      "2024-Q1": { innovation: 50, reform: 50 }, // alpha alone
    });
  });
});

describe("by source", () => {
  it("sums every article of each source, undated ones included", async () => {
    const b = await q.getBySource(filters(""));
    expect(b.sources.map((s) => [s.source, s.articles, s.words, s.cells.map((c) => [c.theme, c.value, c.taggedWords, c.passages])])).toEqual([
      ["firm", 2, 14, [["innovation", 50, 7, 3], ["reform", 35.7143, 5, 2]]],
      ["regulator", 2, 9, [["innovation", 22.2222, 2, 1], ["reform", 33.3333, 3, 2]]], // beta + delta: 2/9, 3/9
    ]);
  });

  it("leaves undated articles out once a date range is set", async () => {
    const b = await q.getBySource(filters("from=2023-01-01&metric=articles"));
    expect(b.sources.map((s) => [s.source, s.articles, s.cells.map((c) => c.value)])).toEqual([
      ["firm", 2, [100, 100]],
      ["regulator", 1, [0, 0]], // delta only
    ]);
  });
});

describe("summary, drill-down and the article x theme base", () => {
  it("pages the articles in view, newest first and undated last", async () => {
    // The list shows every article whatever its coding status: gamma 2024-03, eps 2024-02-10, alpha 2024-01, delta 2023, beta undated.
    expect(await q.getArticleIdsInView(filters(""), { offset: 0, limit: 3 })).toEqual({ total: 5, ids: [3, 5, 1] });
    expect(await q.getArticleIdsInView(filters(""), { offset: 3, limit: 3 })).toEqual({ total: 5, ids: [4, 2] });
    expect(await q.getArticleIdsInView(filters("org=firm"), { offset: 0, limit: 10 })).toEqual({ total: 3, ids: [3, 5, 1] });
    expect(await q.getArticleIdsInView(filters("status=uncoded&status=in-progress"), { offset: 0, limit: 10 })).toEqual({ total: 1, ids: [5] });
  });

  it("counts articles, words and passages in view", async () => {
    // passages: alpha 1 + 2, beta 2 + 1, gamma 1 + 1, delta 0
    // eps (in progress, 3 words, 1 passage) is in view but left out of every figure.
    expect(await q.getSummary(filters(""))).toEqual({ articles: 4, words: 23, passages: 8, dated: 3, inView: 5, notCoded: 1, coding: "coded" });
    expect(await q.getSummary(filters("theme=reform"))).toEqual({ articles: 4, words: 23, passages: 4, dated: 3, inView: 5, notCoded: 1, coding: "coded" });
    expect(await q.getSummary(filters("coding=all"))).toEqual({ articles: 5, words: 26, passages: 9, dated: 4, inView: 5, notCoded: 1, coding: "all" });
  });

  it("finds the passages behind a point and behind a bar", async () => {
    const point = await q.getPassages(filters("granularity=quarter"), { kind: "period", period: "2024-Q1", theme: "innovation" });
    expect(point.total).toBe(3);
    expect(point.passages.map((p) => [p.articleSlug, p.quote])).toEqual([
      ["alpha-001", "Build chips"],
      ["alpha-001", "chips at home"],
      ["gamma-003", "Chips need reform."],
    ]);
    const bar = await q.getPassages(filters(""), { kind: "source", source: "regulator", theme: "reform" });
    expect(bar.passages.map((p) => [p.articleSlug, p.start, p.end])).toEqual([
      ["beta-002", 0, 13],
      ["beta-002", 14, 20],
    ]);
  });

  it("gives one base row per article x chosen theme, in batches of articles", async () => {
    const rows = await q.getArticleThemeRows(filters("theme=innovation"));
    expect(rows.map((r) => [r.articleSlug, r.theme, r.words, r.taggedWords, r.passages, r.codingStatus, r.dateBasis])).toEqual([
      ["alpha-001", "innovation", 8, 4, 2, "coded", "stated"],
      ["beta-002", "innovation", 5, 2, 1, "coded", null],
      ["gamma-003", "innovation", 6, 3, 1, "coded", "stated"],
      ["delta-004", "innovation", 4, 0, 0, "coded", "inferred"],
    ]);
    expect((await q.getArticleThemeRows(filters("theme=innovation&coding=all"))).map((r) => r.articleSlug)).toContain("eps-005");
    const batches: string[][] = [];
    for await (const b of q.iterateArticleThemeRows(filters(""), 3)) batches.push(b.map((r) => `${r.articleSlug}/${r.theme}`));
    expect(batches.map((b) => b.length)).toEqual([6, 2]); // 3 articles x 2 themes, then 1 x 2
  });
});
