// The benchmark's synthetic corpus and its floors (scripts/bench): the corpus is consistent as the
// app would keep it (passages at their offsets, per-theme totals equal to the passages, one row per
// article x theme x coding, the full-text index working), and each floor gives the same answer as
// the naive join it is compared with, so a ratio compares like with like.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCorpus, describeCorpus, SECOND_CODER, type Corpus } from "../../scripts/bench/corpus";
import { chartCases } from "../../scripts/bench/floors";
import { articleThemesFloor, passagesFloor } from "../../scripts/bench/csv-floor";
import { countWords } from "../../lib/measure/words";
import { percentile, median } from "../../scripts/bench/stats";
import { snapshot } from "../helpers/db";
import { checkRollups } from "../../lib/db/rollup";

const N = 2000;
let dir: string;
let corpus: Corpus;
let db: Database.Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-bench-test-"));
  corpus = await buildCorpus({ file: path.join(dir, "bench.db"), articles: N });
  db = new Database(corpus.file);
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;

describe("the synthetic corpus", () => {
  it("has the articles, one row per article x theme x coding, and a second coder on a few % of the articles", () => {
    expect(count(`SELECT COUNT(*) AS n FROM "Article"`)).toBe(N);
    expect(count(`SELECT COUNT(*) AS n FROM "Theme"`)).toBe(4);
    const second = count(`SELECT COUNT(*) AS n FROM "ArticleCoding" WHERE coder = ?`, SECOND_CODER);
    expect(second).toBe(corpus.secondCoderArticles);
    expect(second / N).toBeGreaterThan(0.01);
    expect(second / N).toBeLessThan(0.06);
    expect(count(`SELECT COUNT(*) AS n FROM "ArticleTheme"`)).toBe(4 * (N + second));
    expect(corpus.articleThemes).toBe(4 * (N + second));
    expect(count(`SELECT COUNT(*) AS n FROM "ArticleTheme" WHERE coder = ?`, SECOND_CODER)).toBe(4 * second);
    // Every second coding is of an article the consensus counts.
    expect(count(`SELECT COUNT(*) AS n FROM "ArticleCoding" k JOIN "Article" a ON a.id = k."articleId" WHERE a."codingStatus" NOT IN ('coded', 'reviewed')`)).toBe(0);
  });

  it("mixes statuses, precisions and date bases as a real corpus does", () => {
    const share = (where: string) => count(`SELECT COUNT(*) AS n FROM "Article" WHERE ${where}`) / N;
    expect(share(`"codingStatus" IN ('coded', 'reviewed')`)).toBeGreaterThan(0.85);
    for (const s of ["uncoded", "in-progress", "reviewed"]) expect(share(`"codingStatus" = '${s}'`)).toBeGreaterThan(0.01);
    for (const p of ["month", "year", "unknown"]) expect(share(`"datePrecision" = '${p}'`)).toBeGreaterThan(0.02);
    expect(share(`"datePrecision" = 'day'`)).toBeGreaterThan(0.8);
    const inferred = share(`"dateBasis" = 'inferred'`);
    expect(inferred).toBeGreaterThan(0.005);
    expect(inferred).toBeLessThan(0.04);
    // Unknown dates have neither bounds nor basis; month dates span their month.
    expect(count(`SELECT COUNT(*) AS n FROM "Article" WHERE "datePrecision" = 'unknown' AND ("dateStart" IS NOT NULL OR "dateBasis" IS NOT NULL)`)).toBe(0);
    expect(count(`SELECT COUNT(*) AS n FROM "Article" WHERE "datePrecision" = 'month' AND (substr("dateStart", 9) != '01' OR substr("dateStart", 1, 7) != substr("dateEnd", 1, 7))`)).toBe(0);
    expect(count(`SELECT COUNT(DISTINCT "sourceId") AS n FROM "Article"`)).toBe(20);
    expect(count(`SELECT COUNT(*) AS n FROM "ArticleMention"`)).toBeGreaterThanOrEqual(N);
  });

  it("stores every passage at its offsets, and per-theme totals that are the sums of the passages", () => {
    const passages = db.prepare(`SELECT p."articleId", p."themeId", p.coder, p.start, p."end", p.quote, a.body FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId"`).all() as {
      articleId: number; themeId: number; coder: string; start: number; end: number; quote: string; body: string;
    }[];
    expect(passages.length).toBe(corpus.passages);
    expect(passages.length / N).toBeGreaterThan(0.7); // about one per article
    const sums = new Map<string, { words: number; n: number }>();
    for (const p of passages) {
      expect(p.body.slice(p.start, p.end)).toBe(p.quote);
      const k = `${p.articleId}|${p.themeId}|${p.coder}`;
      const s = sums.get(k) ?? { words: 0, n: 0 };
      sums.set(k, { words: s.words + countWords(p.quote), n: s.n + 1 });
    }
    const rows = db.prepare(`SELECT "articleId", "themeId", coder, "taggedWords", passages FROM "ArticleTheme"`).all() as {
      articleId: number; themeId: number; coder: string; taggedWords: number; passages: number;
    }[];
    for (const r of rows) {
      const s = sums.get(`${r.articleId}|${r.themeId}|${r.coder}`) ?? { words: 0, n: 0 };
      expect([r.taggedWords, r.passages]).toEqual([s.words, s.n]);
    }
    expect(count(`SELECT COUNT(*) AS n FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId" WHERE a."codingStatus" = 'uncoded'`)).toBe(0);
  });

  it.skipIf(corpusHasNoRollups())("has the rollups a full recomputation gives, and the triggers maintain them after the build", async () => {
    const runner = { run: async (sql: string) => db.exec(sql), all: async (sql: string) => db.prepare(sql).all() as Record<string, unknown>[] };
    expect(corpus.rollups).toBe("rebuilt");
    expect(count(`SELECT COUNT(*) AS n FROM "ThemeFact"`)).toBe(corpus.articleThemes);
    expect(await checkRollups(runner)).toEqual([]);
    db.prepare(`UPDATE "Article" SET "codingStatus" = 'reviewed', "sourceId" = 3 WHERE id = 7`).run();
    db.prepare(`UPDATE "ArticleTheme" SET "taggedWords" = "taggedWords" + 5, passages = passages + 1 WHERE "articleId" = 8 AND coder = 'consensus'`).run();
    expect(await checkRollups(runner)).toEqual([]);
  });

  it("keeps the full-text index as the app's triggers would, and works on after the build", () => {
    expect(count(`SELECT COUNT(*) AS n FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'reform'`)).toBe(
      count(`SELECT COUNT(*) AS n FROM "Article" WHERE body LIKE '%reform%'`),
    );
    db.prepare(
      `INSERT INTO "Article" (slug, title, body, "wordCount", "contentHash", "datePrecision", "dateNote", "sourceId") VALUES ('late', 'Late', 'zyxwvut appears once', 3, 'late', 'unknown', '', 1)`,
    ).run();
    expect(count(`SELECT COUNT(*) AS n FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'zyxwvut'`)).toBe(1);
    db.prepare(`DELETE FROM "Article" WHERE slug = 'late'`).run();
  });

  it("is the same file for the same size whether the triggers or the rebuild fill the rollups, and never overwrites one", async () => {
    const rebuilt = await buildCorpus({ file: path.join(dir, "rebuilt.db"), articles: 300 });
    const triggers = await buildCorpus({ file: path.join(dir, "triggers.db"), articles: 300, rollups: "triggers" });
    expect(rebuilt.passages).toBe(triggers.passages);
    expect(rebuilt.mentioned).toEqual(triggers.mentioned);
    expect(snapshot(rebuilt.file)).toBe(snapshot(triggers.file));
    await expect(buildCorpus({ file: triggers.file, articles: 300 })).rejects.toThrow(/exists already/);
  });

  it("is described again from the kept file (--reuse) as it was when built, and a file that is not a corpus is refused", async () => {
    const built = await buildCorpus({ file: path.join(dir, "kept.db"), articles: 300 });
    const again = describeCorpus(built.file);
    expect({ ...again, seconds: 0 }).toEqual({ ...built, seconds: 0 });
    const other = path.join(dir, "other.db");
    new Database(other).exec(`CREATE TABLE "Codebook" (id INTEGER PRIMARY KEY, version TEXT); INSERT INTO "Codebook" VALUES (1, 'v1')`);
    expect(() => describeCorpus(other)).toThrow(/not a benchmark corpus/);
    expect(() => describeCorpus(path.join(dir, "missing.db"))).toThrow(/does not exist/);
  });
});

describe("the floors", () => {
  it("export floors write every row of the default view", () => {
    const at = articleThemesFloor(db);
    expect(at.rows).toBe(count(`SELECT COUNT(*) AS n FROM "ArticleTheme" s JOIN "Article" a ON a.id = s."articleId" WHERE s.coder = 'consensus' AND a."codingStatus" IN ('coded', 'reviewed')`));
    expect(at.bytes).toBeGreaterThan(at.rows * 40);
    const p = passagesFloor(db, corpus.passageWords);
    expect(p.rows).toBe(count(`SELECT COUNT(*) AS n FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId" WHERE p.coder = 'consensus' AND a."codingStatus" IN ('coded', 'reviewed')`));
  });

  // Until the rollups migration is in the schema there is no rollup table to compare.
  it.skipIf(corpusHasNoRollups())("the rollup floor of every chart request is the naive join's answer", () => {
    const sorted = (rows: unknown) => (rows as unknown[][]).map((r) => JSON.stringify(r.map((x) => (x === null ? 0 : Number(x))))).sort();
    for (const c of chartCases(corpus)) {
      if (c.path === "/") continue; // the page's floors are these, plus the summary line
      expect(sorted(c.rollup(db)), c.name).toEqual(sorted(c.naive(db)));
    }
  });

  it("reports nearest-rank percentiles and medians", () => {
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95)).toBe(19);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

function corpusHasNoRollups(): boolean {
  const migrations = path.join(import.meta.dirname, "../../prisma/migrations");
  return !fs.readdirSync(migrations).some((m) => m.endsWith("_rollups"));
}
