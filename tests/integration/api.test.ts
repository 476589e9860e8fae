// The HTTP API, called through the route handlers themselves, against the real seed corpus
// in a temporary SQLite file: JSON, CSV shape and headers, 400s, and the promise that every
// charted number can be recomputed from article-themes.csv alone.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEABLE, periodKey } from "@/lib/measure/periods";
import type { TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

type Route = { GET: (r: Request) => Promise<Response> };
let db: TempDb;
let routes: Record<string, Route>;

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  routes = {
    timeline: await import("@/app/api/timeline/route"),
    bySource: await import("@/app/api/by-source/route"),
    timelineCsv: await import("@/app/api/export/timeline.csv/route"),
    bySourceCsv: await import("@/app/api/export/by-source.csv/route"),
    passagesCsv: await import("@/app/api/export/passages.csv/route"),
    articleThemesCsv: await import("@/app/api/export/article-themes.csv/route"),
  };
});
afterAll(() => db.cleanup());

const call = (route: keyof typeof routes, query = "") => routes[route].GET(new Request(`http://test/x${query ? `?${query}` : ""}`));
type Row = Record<string, string>;
const csvRows = async (res: Response): Promise<Row[]> => parse(await res.text(), { columns: true }) as Row[];

describe("JSON routes", () => {
  it("returns the timeline with its filters, periods and left-off counts", async () => {
    const res = await call("timeline", "granularity=year&theme=reform");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.filters).toMatchObject({ themes: ["reform"], granularity: "year" });
    expect(body.periods.map((p: { period: string }) => p.period)).toEqual(["2022", "2023"]);
    expect(body.leftOff).toEqual({ unknownDate: 1, tooCoarse: 0, coarsePrecisions: [] });
  });

  it("returns emphasis by source", async () => {
    const body = await (await call("bySource", "metric=passages")).json();
    expect(body.sources.map((s: { source: string }) => s.source).sort()).toEqual(["china-minmetals", "sasac"]);
  });
});

describe("the trivial route", () => {
  it("answers /api/health with ok and no caching, doing no work of its own", async () => {
    const { GET } = await import("@/app/api/health/route");
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("bad parameters", () => {
  const cases: [string, string, RegExp][] = [
    ["granularity=week", "granularity", /must be one of month, quarter, year/],
    ["from=2023-13-01", "from", /real date/],
    ["from=2024-01-01&to=2023-01-01", "to", /must not be before from/],
    ["theme=farming", "theme", /unknown theme "farming"/],
    ["org=nasa", "org", /unknown organization "nasa"/],
    ["page=2", "page", /unknown parameter/],
  ];
  for (const [query, parameter, message] of cases) {
    for (const route of ["timeline", "bySource", "timelineCsv", "passagesCsv"] as const) {
      it(`${route}?${query} answers 400 naming "${parameter}"`, async () => {
        const res = await call(route, query);
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.issues[0].parameter).toBe(parameter);
        expect(body.issues[0].message).toMatch(message);
        expect(body.error).toContain(parameter);
      });
    }
  }
});

describe("CSV exports", () => {
  it("have the documented columns, then provenance, and a file name that says what the view is", async () => {
    const res = await call("timelineCsv", "theme=reform&granularity=year&org=sasac");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="theme-timeline_year_share_reform_source-sasac.csv"');
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe(
      "period_start,period_end,period,theme,metric,value,ci_low,ci_high,articles,words,tagged_words,passages,codebook_version,coding,view,generated_at",
    );
    const rows = parse(text, { columns: true }) as Row[];
    expect(rows[0]).toMatchObject({ period: "2022", theme: "reform", metric: "share", codebook_version: "2026-12-01.1", coding: "consensus", view: "theme=reform&org=sasac&granularity=year" });
  });

  it("list every passage with its article, offsets and word count", async () => {
    const rows = await csvRows(await call("passagesCsv", "theme=supply-chain-security"));
    expect(Object.keys(rows[0]).slice(0, 13)).toEqual(["article_slug", "article_title", "date", "date_precision", "date_basis", "source", "publisher", "theme", "quote", "start", "end", "words", "annotator"]);
    expect(rows.every((r) => r.theme === "supply-chain-security")).toBe(true);
    const undated = rows.filter((r) => r.date_precision === "unknown");
    expect(undated.length).toBeGreaterThan(0);
    expect(undated.every((r) => r.date === "")).toBe(true);
    expect(rows.find((r) => r.article_slug === "002-5d473a49d580ab5d")).toMatchObject({
      quote:
        "had been determined to fulfill the important responsibility of ensuring supply and stabilizing prices of mineral resources by focusing on main business of metals and minerals",
      words: "26", // counted by hand
      date: "2023-10-25",
      date_basis: "stated",
      source: "china-minmetals",
    });
    expect(rows.find((r) => r.article_slug === "003-93a9992cb8902b99")?.date_basis).toBe("inferred");
  });
});

describe("every charted number can be recomputed from article-themes.csv alone", () => {
  const sum = (rows: Row[], k: string) => rows.reduce((n, r) => n + Number(r[k]), 0);
  // No coded articles: no value (an empty cell), never 0.
  const value = (metric: string, rows: Row[]): number | "" => {
    if (!rows.length) return "";
    if (metric === "passages") return sum(rows, "passages");
    if (metric === "share") return (100 * sum(rows, "tagged_words")) / sum(rows, "words");
    return (100 * rows.filter((r) => Number(r.passages) > 0).length) / rows.length;
  };
  const expectValue = (cell: string, want: number | "", label: string) => {
    if (want === "") expect(cell, label).toBe("");
    else expect(Number(cell), label).toBeCloseTo(want, 3);
  };

  for (const query of ["granularity=quarter&metric=share", "granularity=month&metric=articles", "granularity=year&metric=passages&org=sasac", "from=2023-01-01&metric=share"]) {
    it(`timeline.csv and by-source.csv for ${query}`, async () => {
      const base = await csvRows(await call("articleThemesCsv", query));
      const metric = new URLSearchParams(query).get("metric")!;
      const granularity = (new URLSearchParams(query).get("granularity") ?? "quarter") as "month" | "quarter" | "year";

      for (const r of await csvRows(await call("timelineCsv", query))) {
        const inBucket = base.filter(
          (b) => b.theme === r.theme && (PLACEABLE[granularity] as readonly string[]).includes(b.date_precision) && periodKey(b.date.padEnd(10, "-01").slice(0, 10), granularity) === r.period,
        );
        expectValue(r.value, value(metric, inBucket), `${r.period} ${r.theme}`);
        expect(base.every((b) => b.coding_status === "coded" || b.coding_status === "reviewed")).toBe(true);
        expect(Number(r.articles)).toBe(inBucket.length);
        expect(Number(r.words)).toBe(sum(inBucket, "words"));
        expect(Number(r.tagged_words)).toBe(sum(inBucket, "tagged_words"));
        expect(Number(r.passages)).toBe(sum(inBucket, "passages"));
      }
      const bySource = await csvRows(await call("bySourceCsv", query));
      expect(bySource.length).toBeGreaterThan(0);
      for (const r of bySource) {
        const rows = base.filter((b) => b.theme === r.theme && b.source === r.source);
        expectValue(r.value, value(metric, rows), `${r.source} ${r.theme}`);
        expect(Number(r.words)).toBe(sum(rows, "words"));
      }
    });
  }
});
