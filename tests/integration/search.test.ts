// Full-text search against the real seed corpus in a temporary SQLite file: every hit count
// equals a count made independently from the article bodies (regular expressions over the
// text, not the FTS index), the hits carry their context and the themes of their passages,
// the CSV has one row per hit, and malformed queries are a readable 400 that changes nothing.
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

type Route = { GET: (r: Request) => Promise<Response> };
let db: TempDb;
let search: Route;
let searchCsv: Route;

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  search = await import("@/app/api/search/route");
  searchCsv = await import("@/app/api/export/search.csv/route");
});
afterAll(() => db.cleanup());

const get = (route: Route, query: string) => route.GET(new Request(`http://test/x?${query}`));
type Body = {
  hits: number;
  articles: number;
  searched: number;
  index: string;
  list: { articleSlug: string; start: number; end: number; match: string; left: string; right: string; themes: string[]; source: string }[];
  periods: { period: string; hits: number | null; articles: number }[];
  sources: { source: string; hits: number | null }[];
};
const json = async (query: string): Promise<Body> => {
  const res = await get(search, query);
  expect(res.status).toBe(200);
  return res.json();
};

type Article = { slug: string; body: string; source: string; dateStart: string | null; codingStatus: string };
function articles(): Article[] {
  const raw = new Database(db.file, { readonly: true });
  const rows = raw
    .prepare(`SELECT a.slug, a.body, o.slug AS source, a."dateStart", a."codingStatus" FROM "Article" a JOIN "Organization" o ON o.id = a."sourceId"`)
    .all() as Article[];
  raw.close();
  return rows;
}
/** The independent count: occurrences of a regular expression in the bodies of the given articles. */
const count = (re: RegExp, of: Article[] = articles()) => of.reduce((s, a) => s + (a.body.match(re)?.length ?? 0), 0);

describe("hit counts equal an independent count from the article bodies", () => {
  const cases: [string, RegExp, number][] = [
    // hand-counted from seeds/articles with grep: 1 in 000, 1 in 003, 2 in 004
    ['"self-reliance"', /\bself\W+reliance\b/gi, 4],
    ["self-reliance", /\bself\W+reliance\b/gi, 4],
    ["self-relian*", /\bself\W+relian\w*/gi, 4],
    // stemming: "supply chain" also finds "supply chains"
    ['"supply chain"', /\bsuppl(?:y|ies)\W+chains?\b/gi, 3],
  ];
  for (const [q, re, expected] of cases) {
    it(`${q}: ${expected} hits`, async () => {
      const body = await json(`q=${encodeURIComponent(q)}`);
      expect(count(re)).toBe(expected);
      expect(body.hits).toBe(expected);
      expect(body.list).toHaveLength(expected);
      for (const h of body.list) expect(h.match).toMatch(new RegExp(`^${re.source}$`, "i"));
    });
  }

  it("stems English words: innovation finds innovate, innovative, innovations", async () => {
    const body = await json("q=innovation");
    const independent = count(/\binnovat(?:e|es|ed|ing|ion|ions|ive|ively|iveness)\b/gi);
    expect(independent).toBeGreaterThan(17);
    expect(body.hits).toBe(independent);
  });

  it("OR adds the hits of both, AND and NOT choose the articles", async () => {
    const or = await json(`q=${encodeURIComponent('"self-reliance" OR "supply chain"')}`);
    expect(or.hits).toBe(4 + 3);
    const all = articles();
    const withBoth = all.filter((a) => /\bself\W+reliance\b/i.test(a.body) && /\bsupply\W+chains?\b/i.test(a.body));
    const and = await json(`q=${encodeURIComponent('"self-reliance" AND "supply chain"')}`);
    expect(and.articles).toBe(withBoth.length);
    expect(and.hits).toBe(count(/\bself\W+reliance\b|\bsupply\W+chains?\b/gi, withBoth));
    const without = all.filter((a) => /\bself\W+reliance\b/i.test(a.body) && !/\bsupply\W+chains?\b/i.test(a.body));
    const not = await json(`q=${encodeURIComponent('"self-reliance" NOT "supply chain"')}`);
    expect(not.hits).toBe(count(/\bself\W+reliance\b/gi, without));
  });

  it("searches only the articles in view: an organization filter narrows the count", async () => {
    const sasac = articles().filter((a) => a.source === "sasac");
    const body = await json("q=innovation&org=sasac");
    expect(body.searched).toBe(sasac.length);
    expect(body.hits).toBe(count(/\binnovat(?:e|es|ed|ing|ion|ions|ive|ively|iveness)\b/gi, sasac));
    expect(body.sources.filter((s) => s.hits !== null).map((s) => s.source)).toEqual(["sasac"]);
  });

  it("sums over periods and sources to the total, and a period with no coded articles has no count", async () => {
    const body = await json("q=innovation&granularity=year");
    const placed = body.periods.reduce((s, p) => s + (p.hits ?? 0), 0);
    const undated = articles().filter((a) => a.dateStart === null);
    expect(placed).toBe(body.hits - count(/\binnovat(?:e|es|ed|ing|ion|ions|ive|ively|iveness)\b/gi, undated));
    expect(body.sources.reduce((s, x) => s + (x.hits ?? 0), 0)).toBe(body.hits);
    for (const p of body.periods) expect(p.hits === null).toBe(p.articles === 0);
  });
});

describe("each hit in context", () => {
  it("gives offsets into the body, left and right context, and the themes of the passages it falls in", async () => {
    const body = await json(`q=${encodeURIComponent('"self-reliance"')}`);
    const bodies = new Map(articles().map((a) => [a.slug, a.body]));
    const raw = new Database(db.file, { readonly: true });
    const passages = raw
      .prepare(`SELECT a.slug, p.start, p."end", t.slug AS theme FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId" JOIN "Theme" t ON t.id = p."themeId" WHERE p.coder = 'consensus'`)
      .all() as { slug: string; start: number; end: number; theme: string }[];
    raw.close();
    for (const h of body.list) {
      const text = bodies.get(h.articleSlug)!;
      expect(text.slice(h.start, h.end)).toBe(h.match);
      expect(text.slice(0, h.start).replace(/\s+/g, " ").endsWith(h.left)).toBe(true);
      expect(text.slice(h.end).replace(/\s+/g, " ").startsWith(h.right)).toBe(true);
      expect(h.left.length).toBeGreaterThan(0);
      const expected = [...new Set(passages.filter((p) => p.slug === h.articleSlug && p.start < h.end && p.end > h.start).map((p) => p.theme))].sort();
      expect([...h.themes].sort()).toEqual(expected);
    }
    // At least one of them is tagged (innovation covers self-reliance in the seed coding).
    expect(body.list.some((h) => h.themes.length > 0)).toBe(true);
  });
});

describe("search.csv", () => {
  it("has one row per hit with its context, themes or 'untagged', and the query in the provenance", async () => {
    const res = await get(searchCsv, `q=${encodeURIComponent("innovation")}&org=sasac`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="search_innovation_all-themes_source-sasac.csv"');
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe(
      "article_slug,article_title,date,date_precision,date_basis,source,coding_status,start,end,left,match,right,themes,codebook_version,coding,view,generated_at",
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const json = await (await get(search, "q=innovation&org=sasac")).json();
    expect(rows).toHaveLength(json.hits);
    for (const r of rows) {
      expect(r.source).toBe("sasac");
      expect(r.themes).toMatch(/^(untagged|[a-z-]+(;[a-z-]+)*)$/);
      expect(new URLSearchParams(r.view).get("q")).toBe("innovation");
    }
  });
});

describe("CJK text is searchable", () => {
  it("finds a Chinese phrase by trigram, and the index follows an edited body (trigger)", async () => {
    const raw = new Database(db.file);
    const before = await json(`q=${encodeURIComponent("国有企业")}`);
    expect(before.hits).toBe(0);
    const [first] = raw.prepare(`SELECT slug, body FROM "Article" ORDER BY id LIMIT 1`).all() as { slug: string; body: string }[];
    raw.prepare(`UPDATE "Article" SET body = ? WHERE slug = ?`).run(`${first.body}\n\n我们要深化国有企业改革，国有企业要创新。`, first.slug);
    raw.close();
    const after = await json(`q=${encodeURIComponent("国有企业")}`);
    expect(after.index).toBe("trigram");
    expect(after.hits).toBe(2);
    expect(after.list.map((h) => h.match)).toEqual(["国有企业", "国有企业"]);
    expect(after.list[0].left.endsWith("我们要深化")).toBe(true);
    // The English index follows the same edit: the old words are still found exactly once each.
    expect((await json(`q=${encodeURIComponent('"self-reliance"')}`)).hits).toBe(4);
  });
});

describe("bad queries are a 400 with a readable message, and change nothing", () => {
  const cases: [string, RegExp][] = [
    ["", /q: is required/],
    ["q=", /q: is required/],
    ["q=a&q=b", /q: may be given only once/],
    [`q=${encodeURIComponent("AND (")}`, /q: not a valid search query \(syntax error near "AND"\)/],
    [`q=${encodeURIComponent('"self reliance')}`, /q: not a valid search query \(unterminated string\)/],
    [`q=${encodeURIComponent("title:reform")}`, /q: not a valid search query \(no such column: title\)/],
    [`q=${encodeURIComponent("reform NOT")}`, /q: not a valid search query/],
    [`q=${encodeURIComponent("改革")}`, /q: Chinese, Japanese or Korean terms need at least 3 characters/],
    [`q=${"a".repeat(501)}`, /q: must be at most 500 characters/],
    [`q=reform&granularity=week`, /granularity: must be one of/],
    [`q=reform&page=2`, /page: unknown parameter/],
  ];
  for (const [query, message] of cases) {
    for (const [name, route] of [
      ["search", () => search],
      ["search.csv", () => searchCsv],
    ] as const) {
      it(`${name}?${query.slice(0, 40)} answers 400`, async () => {
        const before = snapshot(db.file);
        const res = await get(route(), query);
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.error).toMatch(message);
        expect(snapshot(db.file)).toBe(before);
      });
    }
  }
});
