// The co-occurrence matrix equals a recomputation from passages.csv alone: passages that
// carry both themes are rows of passages.csv with the same article, start and end; articles
// with both are articles with rows of each. Under filters too, and bad input is a 400.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

type Route = { GET: (r: Request) => Promise<Response> };
let db: TempDb;
let cooc: Route;
let passagesCsv: Route;

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  cooc = await import("@/app/api/export/cooccurrence.csv/route");
  passagesCsv = await import("@/app/api/export/passages.csv/route");
});
afterAll(() => db.cleanup());

type Row = Record<string, string>;
const rows = async (route: Route, query: string): Promise<Row[]> => {
  const res = await route.GET(new Request(`http://test/x?${query}`));
  expect(res.status).toBe(200);
  return parse(await res.text(), { columns: true }) as Row[];
};

const ORDER = ["innovation", "supply-chain-security", "party-building", "reform"];

/** The independent computation, from the rows of passages.csv. */
function recompute(passages: Row[], themes: string[]) {
  const spans = new Map<string, Set<string>>();
  const articles = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  for (const p of passages) {
    const k = `${p.article_slug}|${p.start}|${p.end}`;
    spans.set(k, (spans.get(k) ?? new Set()).add(p.theme));
    articles.set(p.article_slug, (articles.get(p.article_slug) ?? new Set()).add(p.theme));
    count.set(p.theme, (count.get(p.theme) ?? 0) + 1);
  }
  const out: string[][] = [];
  themes.forEach((a, i) =>
    themes.slice(i).forEach((b) => {
      const passagesBoth = a === b ? (count.get(a) ?? 0) : [...spans.values()].filter((s) => s.has(a) && s.has(b)).length;
      const articlesBoth = [...articles.values()].filter((s) => s.has(a) && s.has(b)).length;
      out.push([a, b, String(passagesBoth), String(articlesBoth)]);
    }),
  );
  return out;
}

describe("cooccurrence.csv", () => {
  for (const query of ["", "org=sasac", "from=2023-01-01", "theme=reform&theme=innovation", "coding=all"]) {
    it(`equals a recomputation from passages.csv (${query || "everything"})`, async () => {
      const got = await rows(cooc, query);
      const themes = query.includes("theme=") ? ORDER.filter((t) => query.includes(`theme=${t}`)) : ORDER;
      expect(got.map((r) => [r.theme_a, r.theme_b, r.passages, r.articles])).toEqual(recompute(await rows(passagesCsv, query), themes));
      // one row per unordered pair, diagonal included
      expect(got).toHaveLength((themes.length * (themes.length + 1)) / 2);
    });
  }

  it("has some real co-occurrence in the seed coding (passages double-tagged)", async () => {
    const got = await rows(cooc, "");
    const off = got.filter((r) => r.theme_a !== r.theme_b);
    expect(off.some((r) => Number(r.passages) > 0)).toBe(true);
    // articles with both never exceed either theme's own articles
    const own = new Map(got.filter((r) => r.theme_a === r.theme_b).map((r) => [r.theme_a, Number(r.articles)]));
    for (const r of off) expect(Number(r.articles)).toBeLessThanOrEqual(Math.min(own.get(r.theme_a)!, own.get(r.theme_b)!));
  });

  it("refuses bad filters with a 400 and changes nothing", async () => {
    const before = snapshot(db.file);
    for (const q of ["theme=farming", "pair=a:b", "from=2023-02-30"]) {
      const res = await cooc.GET(new Request(`http://test/x?${q}`));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/Invalid query parameters/);
    }
    expect(snapshot(db.file)).toBe(before);
  });
});

describe("parsePair", () => {
  it("reads a:b of known themes and explains anything else", async () => {
    const { parsePair } = await import("@/lib/filters/pair");
    expect(parsePair("innovation:reform", ORDER)).toEqual({ a: "innovation", b: "reform" });
    expect(parsePair(undefined, ORDER)).toBeUndefined();
    expect(parsePair("innovation", ORDER)).toMatchObject({ parameter: "pair" });
    expect(parsePair("innovation:farming", ORDER)).toMatchObject({ message: 'unknown theme "farming"' });
    expect(parsePair(["innovation:reform", "reform:reform"], ORDER)).toMatchObject({ message: "may be given only once" });
  });
});
