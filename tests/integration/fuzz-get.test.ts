// No 500 on user input, ever: every GET API route, called through its handler against a seeded
// temporary database, with query strings of any shape (known and unknown names, names like
// Object.prototype members, repeated parameters, unicode, huge and ancient dates, broken
// percent-encoding). Each answer is below 500, and every 400 is JSON with a string `error`.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TempDb } from "../helpers/db";
import { analyticsSeedDir } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

type Get = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: TempDb;
let routes: Record<string, Get>;

beforeAll(async () => {
  db = await seededDb(analyticsSeedDir());
  const load = async (m: Promise<unknown>) => (await m as { GET: Get }).GET;
  routes = {
    "/api/timeline": await load(import("@/app/api/timeline/route")),
    "/api/by-source": await load(import("@/app/api/by-source/route")),
    "/api/export/timeline.csv": await load(import("@/app/api/export/timeline.csv/route")),
    "/api/export/by-source.csv": await load(import("@/app/api/export/by-source.csv/route")),
    "/api/export/passages.csv": await load(import("@/app/api/export/passages.csv/route")),
    "/api/export/article-themes.csv": await load(import("@/app/api/export/article-themes.csv/route")),
    "/api/agreement": await load(import("@/app/api/agreement/route")),
    "/api/export/agreement.csv": await load(import("@/app/api/export/agreement.csv/route")),
    "/api/articles/[slug]/annotations": await load(import("@/app/api/articles/[slug]/annotations/route")),
  };
});
afterAll(() => db.cleanup());

const noParams = { params: Promise.resolve({}) };

/** Calls a route with a raw query string (not re-encoded) and checks the promise above. */
async function probe(route: string, rawQuery: string, slug = "alpha-001"): Promise<{ status: number; body: string }> {
  const url = `http://127.0.0.1:3000${route.replace("[slug]", "x")}?${rawQuery}`;
  const res = await routes[route](new Request(url), route.includes("[slug]") ? { params: Promise.resolve({ slug }) } : noParams);
  const body = await res.text(); // a streamed CSV must finish without error too
  if (res.status >= 500) throw new Error(`${route}?${rawQuery} answered ${res.status}: ${body.slice(0, 300)}`);
  if (res.status === 400) {
    const json = JSON.parse(body) as { error?: unknown };
    if (typeof json.error !== "string" || json.error === "") throw new Error(`${route}?${rawQuery}: 400 without a string error: ${body.slice(0, 300)}`);
  }
  return { status: res.status, body };
}

const KNOWN = ["theme", "org", "orgRole", "from", "to", "granularity", "metric"];
const PROTO = Object.getOwnPropertyNames(Object.prototype);

const name = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO, "prototype", "drill", "", " ", "theme[]") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

const year = fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 10000, max: 999999 }), fc.constantFrom(1, 1500, 2023, 9999));
const two = (n: number) => String(n).padStart(2, "0");
const date = fc.oneof(
  fc.tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${two(m)}-${two(d)}`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${two(m)}`),
  fc.constantFrom("1000-01-01", "9999-12-31", "0001-01-01", "2024-02-29", "2023-02-29", "-2023-01-01", "+002023-01-01", "2023-01-01T00:00:00Z", "1e9"),
);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("reform", "innovation", "firm", "regulator", "month", "quarter", "year", "share", "passages", "articles", "source", "publisher", "mentioned", "farming") },
  { weight: 3, arbitrary: date },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 3000 }) },
);

/** One piece of a query, written encoded, raw, or with a broken %-escape mixed in. */
const piece = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.constantFrom("encoded", "raw", "broken"), fc.constantFrom("%", "%Z", "%ZZ", "%E0%A4", "%C3", "%00", "%FF", "%25", "%2"), fc.nat()).map(([t, how, bad, at]) => {
    if (how === "encoded") return encodeURIComponent(t.replace(/[\uD800-\uDFFF]/g, "?"));
    if (how === "raw") return t.replace(/[&=#]/g, "");
    const i = t.length ? at % (t.length + 1) : 0;
    return encodeURIComponent(t.slice(0, i).replace(/[\uD800-\uDFFF]/g, "?")) + bad + encodeURIComponent(t.slice(i).replace(/[\uD800-\uDFFF]/g, "?"));
  });

const query = fc
  .array(fc.tuple(piece(name), piece(value), fc.integer({ min: 1, max: 3 })), { maxLength: 8 })
  .map((pairs) => pairs.flatMap(([k, v, times]) => Array.from({ length: times }, () => `${k}=${v}`)).join("&"));

describe("GET routes under arbitrary query strings", () => {
  it("never answer 5xx, and every 400 is JSON with a string error", async () => {
    const names = Object.keys(routes);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), query, fc.string({ unit: "grapheme", maxLength: 30 }), async (route, q, slug) => {
        await probe(route, q, slug);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the probes from issue 9", () => {
  const filtered = ["timeline", "by-source", "export/timeline.csv", "export/by-source.csv", "export/passages.csv", "export/article-themes.csv"].map((r) => `/api/${r}`);

  for (const [q, named] of [["constructor=1", "constructor"], ["toString=1", "toString"], ["__proto__=1", "__proto__"], ["hasOwnProperty=x&valueOf=y", "hasOwnProperty, valueOf"]]) {
    it(`?${q} answers 400 naming the unknown parameter on all six routes`, async () => {
      for (const route of filtered) {
        const { status, body } = await probe(route, q);
        expect(status).toBe(400);
        expect(JSON.parse(body).error).toMatch(/unknown parameter/);
        expect(JSON.parse(body).issues[0].parameter).toBe(named);
      }
    });
  }

  it("a span from the data too wide for the granularity answers 400 naming the limit (never a silent cut)", async () => {
    // The data starts in 2023 (delta-004, year precision): 2023-01 .. 9999-12 is 95,712 months.
    const toOnly = await probe("/api/timeline", "to=9999-12-31&granularity=month");
    expect(toOnly.status).toBe(400);
    expect(JSON.parse(toOnly.body).issues).toEqual([
      { parameter: "from", message: "the dates span 95,712 months; one view may show at most 1,200 months: narrow from/to or choose a coarser granularity" },
    ]);
    const fromOnly = await probe("/api/export/timeline.csv", "from=1500-01-01&granularity=month");
    expect(fromOnly.status).toBe(400);
    expect(JSON.parse(fromOnly.body).issues[0]).toMatchObject({ parameter: "to", message: expect.stringMatching(/at most 1,200 months/) });
    // By year the same span is fine: 1500 .. 2024 is 525 years.
    const byYear = await probe("/api/timeline", "from=1500-01-01&granularity=year");
    expect(byYear.status).toBe(200);
    expect(JSON.parse(byYear.body).periods).toHaveLength(525);
  });

  it("years below 1000 are refused with a reason", async () => {
    const { status, body } = await probe("/api/timeline", "from=0999-01-01");
    expect(status).toBe(400);
    expect(JSON.parse(body).error).toBe("Invalid query parameters: from: must be a date from 1000-01-01 to 9999-12-31");
  });
});
