// The codebook's counts and example passages (lib/queries/articles.ts getCodebook), read from
// the rollup and along an index since 2026-12-02, against the full-scan queries they replace,
// on the seed corpus and on a tagging write after it.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const SEEDS = path.join(import.meta.dirname, "../../seeds");
let db: TempDb;
let getCodebook: typeof import("@/lib/queries/articles").getCodebook;

beforeAll(async () => {
  db = await seededDb(SEEDS);
  ({ getCodebook } = await import("@/lib/queries/articles"));
});
afterAll(() => db.cleanup());

/** The queries the codebook ran before (2026-12-01), ties broken by id, straight from the base tables. */
function reference(n: number) {
  const raw = new Database(db.file, { readonly: true });
  const counts = raw
    .prepare(
      `SELECT t.slug, SUM(s.passages) AS passages, SUM(CASE WHEN s.passages > 0 THEN 1 ELSE 0 END) AS articles, SUM(s."taggedWords") AS tagged
       FROM "Theme" t LEFT JOIN "ArticleTheme" s ON s."themeId" = t.id AND s.coder = 'consensus' GROUP BY t.id`,
    )
    .all() as { slug: string; passages: number | null; articles: number | null; tagged: number | null }[];
  const examples = raw
    .prepare(
      `SELECT id, slug FROM (
        SELECT p.id, t.slug, ROW_NUMBER() OVER (PARTITION BY t.id ORDER BY rn_article, ABS(LENGTH(p.quote) - 160), p.id) AS rn
        FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "themeId", "articleId" ORDER BY ABS(LENGTH(quote) - 160), id) AS rn_article FROM "Annotation" WHERE coder = 'consensus') p
        JOIN "Theme" t ON t.id = p."themeId"
      ) WHERE rn <= ? ORDER BY slug, rn`,
    )
    .all(n) as { id: number; slug: string }[];
  raw.close();
  return { counts, examples };
}

async function expectSameAsReference(n: number) {
  const got = await getCodebook(n);
  const ref = reference(n);
  for (const t of got.themes) {
    const c = ref.counts.find((r) => r.slug === t.slug)!;
    expect([t.passages, t.articles, t.taggedWords], t.slug).toEqual([c.passages ?? 0, c.articles ?? 0, c.tagged ?? 0]);
    expect(
      t.examples.map((e) => e.id),
      `${t.slug}, ${n} examples`,
    ).toEqual(ref.examples.filter((e) => e.slug === t.slug).map((e) => e.id));
  }
  return got;
}

describe("the codebook", () => {
  it("counts each theme's passages, articles and tagged words as the base tables do", async () => {
    const got = await expectSameAsReference(3);
    // By hand from seeds/ (npm run db:check prints the same): every theme is applied.
    expect(got.totalArticles).toBe(5);
    for (const t of got.themes) expect(t.passages).toBeGreaterThan(0);
  });

  it("picks examples from different articles first, then the next-nearest of each, as the full ranking does", async () => {
    // A theme is in 4 or 5 of the 5 articles: 1 and 3 come from distinct ones; 5, 12 and 40 need
    // second and later rounds, which the index walk reaches only after reading every passage of the theme.
    for (const n of [1, 3, 5, 12, 40]) {
      const got = await expectSameAsReference(n);
      for (const t of got.themes) {
        const firstRound = t.examples.slice(0, Math.min(n, t.articles)).map((e) => e.articleSlug);
        expect(new Set(firstRound).size, `${t.slug}: the first examples come from different articles`).toBe(firstRound.length);
      }
    }
  });

  it("follows a tagging write at once (the rollup and the index are kept in the same transaction)", async () => {
    {
      const { addPassage } = await import("@/lib/writes/tagging");
      const before = (await getCodebook(3)).themes.find((t) => t.slug === "reform")!;
      const raw = new Database(db.file, { readonly: true });
      const slug = (raw.prepare(`SELECT slug FROM "Article" ORDER BY id LIMIT 1`).get() as { slug: string }).slug;
      raw.close();
      // A passage of exactly 160 characters: the nearest any can be, so it leads the examples.
      const r = await addPassage(slug, { start: 0, end: 160, themes: ["reform"], annotator: "codebook-test", coder: "consensus" });
      expect(r.ok).toBe(true);
      const after = (await getCodebook(3)).themes.find((t) => t.slug === "reform")!;
      expect(after.passages).toBe(before.passages + 1);
      await expectSameAsReference(3);
    }
  });
});
