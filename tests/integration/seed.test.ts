// The seed against a real SQLite file: hand-computed totals on a tiny fixture, broken
// fixtures that must name the problem and leave the database untouched, idempotence,
// and the real corpus in seeds/.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { loadSeed } from "@/lib/corpus/seed";
import { writeSeedPlan } from "@/lib/writes/seed";
import { copySeedDir, createTempDb, snapshot, type TempDb } from "../helpers/db";

const root = path.join(import.meta.dirname, "../..");
const MINI = path.join(root, "tests/fixtures/seed-mini");

async function seed(prisma: PrismaClient, dir: string) {
  const result = loadSeed(dir);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return writeSeedPlan(prisma, result.plan);
}

// Just enough of the seed files' shapes for the edits below.
type EditableSeedJson = {
  annotations: { quote: string; themes: string[]; occurrence?: number }[];
  articles: Record<string, unknown>[];
};

function editJson(file: string, edit: (data: EditableSeedJson) => void) {
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as EditableSeedJson;
  edit(data);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

describe("seeding the mini fixture", () => {
  let db: TempDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = createTempDb();
    prisma = createPrismaClient(db.url);
    await seed(prisma, MINI);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    db.cleanup();
  });

  it("stores cleaned articles with their word counts, dates and organizations", async () => {
    const articles = await prisma.article.findMany({ orderBy: { slug: "asc" }, include: { source: true, publisher: true, mentions: true } });
    expect(articles.map((a) => [a.slug, a.title, a.body, a.wordCount, a.dateStart, a.dateEnd, a.datePrecision])).toEqual([
      ["alpha-001", "A Test Title", "Reform the firms now. Build chips at home.", 8, "2024-01-15", "2024-01-15", "day"],
      ["beta-002", "Beta", "Reform again. Reform the rules.", 5, null, null, "unknown"],
    ]);
    expect(articles[0].source.slug).toBe("firm");
    expect(articles[0].publisher?.slug).toBe("firm");
    expect(articles[0].mentions).toHaveLength(1);
    expect(articles[1].publisher).toBeNull();
    expect(articles[1].attribution).toBe("The Regulator");
  });

  it("computes offsets from quotes, one annotation per theme, with the occurrence asked for", async () => {
    // One coder ("tester"), so the consensus is that coder's coding, passage for passage.
    const rows = await prisma.annotation.findMany({ where: { coder: "consensus" }, include: { theme: true, article: true }, orderBy: [{ articleId: "asc" }, { start: "asc" }, { themeId: "asc" }] });
    const coder = await prisma.annotation.findMany({ where: { coder: "tester" }, orderBy: [{ articleId: "asc" }, { start: "asc" }, { themeId: "asc" }] });
    expect(coder.map((r) => [r.articleId, r.themeId, r.start, r.end])).toEqual(rows.map((r) => [r.articleId, r.themeId, r.start, r.end]));
    expect(await prisma.articleCoding.findMany({ select: { coder: true, status: true } })).toEqual([
      { coder: "tester", status: "coded" },
      { coder: "tester", status: "coded" },
    ]);
    expect(rows.map((r) => [r.article.slug, r.theme.slug, r.start, r.end])).toEqual([
      ["alpha-001", "reform", 0, 21],
      ["alpha-001", "innovation", 22, 33],
      ["alpha-001", "innovation", 28, 41],
      ["beta-002", "innovation", 0, 13],
      ["beta-002", "reform", 0, 13],
      ["beta-002", "reform", 14, 20], // the second "Reform"
    ]);
    for (const r of rows) expect(r.article.body.slice(r.start, r.end)).toBe(r.quote);
  });

  it("keeps per article x theme totals: union of passages in words, and passage counts", async () => {
    const stats = await prisma.articleTheme.findMany({ where: { coder: "consensus" }, include: { article: true, theme: true } });
    const got = Object.fromEntries(stats.map((s) => [`${s.article.slug}/${s.theme.slug}`, [s.taggedWords, s.passages]]));
    expect(got).toEqual({
      "alpha-001/reform": [4, 1], // Reform the firms now
      "alpha-001/innovation": [4, 2], // Build chips ∪ chips at home = Build chips at home
      "beta-002/reform": [3, 2], // Reform again ∪ (second) Reform
      "beta-002/innovation": [2, 1], // Reform again
    });
  });

  it("changes nothing when run again", async () => {
    const before = snapshot(db.file);
    const changes = await seed(prisma, MINI);
    expect(changes).toEqual({ themes: 0, organizations: 0, articles: 0, annotationsAdded: 0, annotationsRemoved: 0, statsChanged: 0 });
    expect(snapshot(db.file)).toBe(before);
  });

  it("updates exactly the edited annotation file's article", async () => {
    const dir = copySeedDir(MINI);
    editJson(path.join(dir, "annotations/alpha-001.json"), (d) => d.annotations.splice(2, 1)); // drop "chips at home"
    const betaBefore = await prisma.annotation.findMany({ where: { article: { slug: "beta-002" } } });
    const changes = await seed(prisma, dir);
    // The coder's passage goes, and with it the consensus's copy: 2 removed, 2 totals changed.
    expect(changes).toMatchObject({ articles: 0, annotationsAdded: 0, annotationsRemoved: 2, statsChanged: 2 });
    const stat = await prisma.articleTheme.findFirst({ where: { article: { slug: "alpha-001" }, theme: { slug: "innovation" }, coder: "consensus" } });
    expect([stat?.taggedWords, stat?.passages]).toEqual([2, 1]); // Build chips
    expect(await prisma.annotation.findMany({ where: { article: { slug: "beta-002" } } })).toEqual(betaBefore);
    await seed(prisma, MINI); // restore for the other tests
    fs.rmSync(dir, { recursive: true });
  });
});

describe("a broken seed directory", () => {
  let db: TempDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = createTempDb();
    prisma = createPrismaClient(db.url);
    await seed(prisma, MINI);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    db.cleanup();
  });

  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      "a quote that is not in the text",
      (dir) => editJson(path.join(dir, "annotations/alpha-001.json"), (d) => (d.annotations[1].quote = "Build ships")),
      /annotations\/alpha-001\.json: annotations\[1\]: quote not found in the article's cleaned body: "Build ships"/,
    ],
    [
      "an unknown theme",
      (dir) => editJson(path.join(dir, "annotations/beta-002.json"), (d) => (d.annotations[0].themes = ["farming"])),
      /annotations\/beta-002\.json: annotations\[0\]: themes\[0\]: unknown theme "farming"/,
    ],
    [
      "an impossible date",
      (dir) => editJson(path.join(dir, "articles.json"), (d) => (d.articles[0].date = "2024-02-30")),
      /articles\.json: articles\[0\] \(alpha_001\.txt\): date: "2024-02-30" is not a valid YYYY-MM-DD date/,
    ],
    [
      "an ambiguous quote",
      (dir) => editJson(path.join(dir, "annotations/beta-002.json"), (d) => delete d.annotations[0].occurrence),
      /annotations\/beta-002\.json: annotations\[0\]: quote occurs 2 times in the body; add "occurrence"/,
    ],
    [
      "an unknown organization",
      (dir) => editJson(path.join(dir, "articles.json"), (d) => (d.articles[1].source = "nobody")),
      /articles\.json: articles\[1\] \(beta_002\.txt\): source: unknown organization "nobody"/,
    ],
    [
      "malformed JSON",
      (dir) => fs.writeFileSync(path.join(dir, "codebook.json"), "{ not json"),
      /codebook\.json: \(file\): not valid JSON/,
    ],
    [
      "a missing required field",
      (dir) => editJson(path.join(dir, "articles.json"), (d) => delete d.articles[0].dateNote),
      /articles\.json: articles\[0\]\.dateNote: /,
    ],
    [
      "a known date without its basis",
      (dir) => editJson(path.join(dir, "articles.json"), (d) => delete d.articles[0].dateBasis),
      /articles\.json: articles\[0\] \(alpha_001\.txt\): dateBasis: say whether the date is "stated" by the text or "inferred"/,
    ],
    [
      "an annotation file without a coding status",
      (dir) => editJson(path.join(dir, "annotations/beta-002.json"), (d) => delete (d as { status?: string }).status),
      /annotations\/beta-002\.json: status: say where the coding stands \(uncoded, in-progress, coded, reviewed\)/,
    ],
    [
      "an unknown coding status",
      (dir) => editJson(path.join(dir, "annotations/beta-002.json"), (d) => Object.assign(d, { status: "done" })),
      /annotations\/beta-002\.json: status: /,
    ],
  ];

  for (const [name, breakIt, message] of cases) {
    it(`reports ${name} as file: entry: reason and writes nothing`, () => {
      const dir = copySeedDir(MINI);
      breakIt(dir);
      const before = snapshot(db.file);
      const result = loadSeed(dir);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join("\n")).toMatch(message);
      expect(snapshot(db.file)).toBe(before);
      fs.rmSync(dir, { recursive: true });
    });
  }

  it("reports every problem at once", () => {
    const dir = copySeedDir(MINI);
    cases.slice(0, 3).forEach(([, breakIt]) => breakIt(dir));
    const result = loadSeed(dir);
    expect(result.ok ? [] : result.errors).toHaveLength(3);
    fs.rmSync(dir, { recursive: true });
  });

  it("makes the seed command exit 1 with the messages and leave the database as it was", () => {
    const dir = copySeedDir(MINI);
    cases[0][1](dir);
    const before = snapshot(db.file);
    const run = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, SEED_DIR: dir },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Seed not loaded: 1 problem(s); the database was not changed.");
    expect(run.stderr).toMatch(cases[0][2]);
    expect(snapshot(db.file)).toBe(before);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("the real corpus in seeds/", () => {
  let db: TempDb;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = createTempDb();
    fs.rmSync(db.file); // let Prisma's own migrate deploy create it, as npm start does
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: "pipe",
    });
    prisma = createPrismaClient(db.url);
    await seed(prisma, path.join(root, "seeds"));
  });
  afterAll(async () => {
    await prisma.$disconnect();
    db.cleanup();
  });

  it("loads five articles, four themes, and passages whose offsets match their quotes", async () => {
    expect(await prisma.article.count()).toBe(5);
    expect((await prisma.theme.findMany({ orderBy: { order: "asc" } })).map((t) => t.slug)).toEqual([
      "innovation",
      "supply-chain-security",
      "party-building",
      "reform",
    ]);
    const rows = await prisma.annotation.findMany({ where: { coder: "consensus" }, include: { article: { select: { body: true } } } });
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.article.body.slice(r.start, r.end)).toBe(r.quote);
  });

  it("tags every theme in several articles", async () => {
    const stats = await prisma.articleTheme.findMany({ where: { passages: { gt: 0 }, coder: "consensus" }, include: { theme: true } });
    const articlesPerTheme = new Map<string, number>();
    for (const s of stats) articlesPerTheme.set(s.theme.slug, (articlesPerTheme.get(s.theme.slug) ?? 0) + 1);
    for (const slug of ["innovation", "supply-chain-security", "party-building", "reform"]) {
      expect(articlesPerTheme.get(slug), slug).toBeGreaterThanOrEqual(3);
    }
  });

  it("keeps the dates the texts support, and none they do not, saying which an editor inferred", async () => {
    const dates = Object.fromEntries(
      (await prisma.article.findMany()).map((a) => [a.slug, [a.dateStart, a.datePrecision, a.dateBasis]]),
    );
    expect(dates).toEqual({
      "000-4e479f1f7325fcc2": ["2023-04-18", "day", "stated"],
      "001-4f80914eab6d9808": ["2023-12-26", "day", "stated"],
      "002-5d473a49d580ab5d": ["2023-10-25", "day", "stated"],
      "003-93a9992cb8902b99": ["2022-05-07", "day", "inferred"],
      "004-a9523ab09df4130b": [null, "unknown", null],
    });
  });

  it("marks the five seed articles coded", async () => {
    expect((await prisma.article.findMany()).map((a) => a.codingStatus)).toEqual(["coded", "coded", "coded", "coded", "coded"]);
  });

  it("changes nothing when seeded twice", async () => {
    const before = snapshot(db.file);
    await seed(prisma, path.join(root, "seeds"));
    expect(snapshot(db.file)).toBe(before);
  });
});
