// The plans SQLite picks for the reader's and the tagging write's per-article statements on
// "ArticleTheme". Without ANALYZE statistics, `articleId = ? AND coder = ?` takes the
// (coder, themeId) index over the primary key (articleId, themeId, coder): it walks every row
// of that coder in the corpus, 1.9 s a reader view at 1,000,000 articles (and as long inside
// every tagging write's transaction). The plan does not depend on the data, so a small seeded
// file shows it: every statement the app sends is captured through Prisma's query log and
// explained on the same file.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const h = vi.hoisted(() => ({ url: "", statements: [] as { query: string; params: string }[] }));

// The app's one client, built on the test's file with the query log on.
vi.mock("@/lib/db/client", async () => {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = await import("@/generated/prisma/client");
  const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: h.url }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (e) => h.statements.push({ query: e.query, params: e.params }));
  return { prisma };
});

let db: TempDb;
beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  h.url = db.url;
});
afterAll(() => db.cleanup());

type Statement = { query: string; params: string };

/** SQLite's plan for `sql` on the test's file, its steps joined by " | ". */
function explain(sql: string, params: unknown[]): string {
  const raw = new Database(db.file, { readonly: true });
  try {
    return (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(" | ");
  } finally {
    raw.close();
  }
}

/** The plan of a statement Prisma sent (its quoting and parameters as logged). */
const planOf = (s: Statement): string =>
  explain(
    s.query.replace(/`/g, '"'),
    (JSON.parse(s.params) as unknown[]).map((p) => (typeof p === "boolean" ? Number(p) : p)),
  );

/** The plan of every captured statement on "ArticleTheme" that names an article. */
const articleThemePlans = (): { query: string; plan: string }[] =>
  h.statements
    .filter((s) => /FROM `main`\.`ArticleTheme`/.test(s.query) && /`ArticleTheme`\.`articleId` (=|IN)/.test(s.query))
    .map((s) => ({ query: s.query, plan: planOf(s) }));

describe("per-article statements on ArticleTheme", () => {
  it("the reader's article, a tagging write and an annotation file's load look rows up by article, never by coder across the corpus", async () => {
    const { getArticle } = await import("@/lib/queries/articles");
    const annotations = (await import("@/app/api/articles/[slug]/annotations/route")) as unknown as {
      POST: (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    };
    h.statements.length = 0;
    const article = await getArticle("alpha-001");
    expect(article?.stats.reform).toBeDefined();
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1";
    try {
      const res = await annotations.POST(
        new Request("http://localhost:3000/x", {
          method: "POST",
          headers: { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
          body: JSON.stringify({ start: 0, end: 6, themes: ["innovation"], annotator: "plan-test" }),
        }),
        { params: Promise.resolve({ slug: "alpha-001" }) },
      );
      expect(res.status).toBe(200);
    } finally {
      delete process.env.TAGGING_ENABLED;
      delete process.env.TAGGING_LOOPBACK_ONLY;
    }
    // Loading an annotation file (and the seed) brings an article's passages in line and
    // re-reads its totals: here with one more passage than it has.
    const { prisma } = await import("@/lib/db/client");
    const { syncArticleAnnotations } = await import("@/lib/writes/annotations");
    const alpha = await prisma.article.findUniqueOrThrow({ where: { slug: "alpha-001" }, select: { id: true, body: true } });
    const themeIds = new Map((await prisma.theme.findMany()).map((t) => [t.slug, t.id]));
    await prisma.$transaction((tx) =>
      syncArticleAnnotations(tx, alpha, [{ theme: "reform", start: 0, end: 6, quote: alpha.body.slice(0, 6), annotator: "plan-test", note: null }], themeIds, "plan-test"),
    );
    const plans = articleThemePlans();
    // The reader's stats and the file load's current stats, at least.
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const p of plans) {
      expect(p.plan, p.query).toMatch(/\(articleId=\?/);
      expect(p.plan, p.query).not.toMatch(/ArticleTheme_coder_themeId_idx/);
    }
  });

  it("search reads each batch's highlights by the index's rowid, not by matching the whole corpus again", async () => {
    // The plan depends on the batch's size: with a handful of ids SQLite starts from "Article"
    // either way, with 200 it started from the index and matched every document. So enough
    // matching articles for a full batch.
    const { importArticles } = await import("@/lib/writes/import");
    const files = Array.from({ length: 230 }, (_, i) => ({
      file: `plan-${i}.txt`,
      raw: `Plan test report ${i}\n\nDate: 2022-05-${String((i % 28) + 1).padStart(2, "0")}\nSource: SASAC\n\nThe reform of enterprise number ${i} goes on, and reform continues.\n`,
    }));
    const out = await importArticles(db.url, files);
    expect(out.filter((o) => o.status === "imported")).toHaveLength(230);
    const { getSearch } = await import("@/lib/queries/search");
    const { parseFilters } = await import("@/lib/filters/schema");
    const f = parseFilters({ coding: "all" });
    if (!f.ok) throw new Error("filters");
    h.statements.length = 0;
    const result = await getSearch(f.value, "reform");
    expect(result.hits).toBeGreaterThan(0);
    const batches = h.statements.filter((s) => s.query.includes("highlight("));
    expect(batches.length).toBeGreaterThan(0);
    for (const s of batches) {
      // FTS5's plan string: "=" before the match ("0:=M1") is a rowid constraint inside the
      // index; "0:M1" alone is a scan of every document that matches.
      expect(planOf(s), s.query).toMatch(/VIRTUAL TABLE INDEX \d+:=/);
    }
  });

  it("the article list of a date range reads the date index between both ends", async () => {
    const { getArticleIdsInView } = await import("@/lib/queries/analytics");
    const { parseFilters } = await import("@/lib/filters/schema");
    const f = parseFilters({ from: "2022-01-01", to: "2022-03-31" });
    if (!f.ok) throw new Error("filters");
    h.statements.length = 0;
    await getArticleIdsInView(f.value, { offset: 0, limit: 50 });
    const list = h.statements.find((s) => /ORDER BY a\."dateStart" DESC/.test(s.query));
    expect(list).toBeDefined();
    const plan = planOf(list!);
    // Before, only "dateStart>?": every article dated after the range was read and dropped.
    expect(plan).toMatch(/Article_dateStart_idx \(dateStart>\? AND dateStart<\?\)/);
  });

  it("the trap itself: the same lookup with coder = ? takes the coder index (so the test above can fail)", () => {
    const plan = explain(`SELECT * FROM "ArticleTheme" WHERE coder = ? AND "articleId" = ?`, ["consensus", 1]);
    expect(plan).toMatch(/ArticleTheme_coder_themeId_idx \(coder=\?\)/);
  });
});
