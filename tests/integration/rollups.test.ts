// The rollup tables (ThemeFact, ThemeRollup) stay equal to a full recomputation after random
// writes of every kind (tagging by several coders, edits, removals, undo, coding status,
// metadata edits, adjudication, import, a codebook change), and the chart queries that read
// them give exactly what the article-join queries they replaced give, for every kind of filter.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { checkRollups, prismaRunner, rebuildRollups } from "@/lib/db/rollup";
import { loadSeed } from "@/lib/corpus/seed";
import { writeSeedPlan } from "@/lib/writes/seed";
import { importArticles } from "@/lib/writes/import";
import { parseFilters, type Filters } from "@/lib/filters/schema";
import { copySeedDir, snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

const SEEDS = path.join(import.meta.dirname, "../../seeds");

let db: TempDb;
let prisma: PrismaClient;
let seedDir: string;
let q: typeof import("@/lib/queries/analytics");
let naive: typeof import("../helpers/naive-analytics");
let w: typeof import("@/lib/writes/tagging");
let adjudicate: typeof import("@/lib/writes/adjudication").adjudicate;

// A small deterministic generator, so a failure can be replayed.
let state = 20261201;
const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const SOURCES = ["SASAC", "China Minmetals", "the State Council"];
const DATES = ["Date: 2021-03-05", "Date: 2022-05-17", "Date: 2022-05-02", "Date: 2023-11-30", "Date: 2020-01-01", "Date: 2024-07-15", ""];

function articleText(i: number): string {
  const date = pick(DATES);
  const source = pick(SOURCES);
  const words = Array.from({ length: 40 + Math.floor(rand() * 80) }, (_, k) => pick(["reform", "innovation", "the", "Party", "supply", "chain", "security", "enterprises", "China Minmetals", "SASAC", "building"]) + (k % 11 === 10 ? "." : ""));
  return `Synthetic report number ${i} on state-owned enterprises\n\n${date}\nSource: ${source}\n\n${words.join(" ")}.\n`;
}

beforeAll(async () => {
  db = await seededDb(SEEDS);
  prisma = createPrismaClient(db.url);
  seedDir = copySeedDir(SEEDS);
  q = await import("@/lib/queries/analytics");
  naive = await import("../helpers/naive-analytics");
  w = await import("@/lib/writes/tagging");
  ({ adjudicate } = await import("@/lib/writes/adjudication"));
  const out = await importArticles(db.url, Array.from({ length: 24 }, (_, i) => ({ file: `synthetic-${i}.txt`, raw: articleText(i) })));
  const imported = out.flatMap((o) => (o.status === "imported" ? [o.slug] : []));
  expect(imported.length).toBeGreaterThan(15);
  // Most imported articles coded, a few of month or year precision (some inferred), so that
  // every kind of date meets every kind of range.
  const dates = [
    ["2021", "year"],
    ["2023", "year"],
    ["2022", "year"],
    ["2022-05", "month"],
    ["2023-11", "month"],
    ["2021-02", "month"],
  ] as const;
  for (const [k, slug] of imported.entries()) {
    if (k % 5 !== 4) expect((await w.setCodingStatus(slug, { status: k % 3 ? "coded" : "reviewed", annotator: "lead", coder: "consensus" })).ok).toBe(true);
    if (k < dates.length) {
      const [date, datePrecision] = dates[k];
      const r = await w.editMetadata(slug, { title: `Dated ${k}`, date, datePrecision, dateNote: "test", dateBasis: k % 2 ? "inferred" : "stated", source: "sasac", publisher: null, annotator: "lead" });
      expect(r.ok).toBe(true);
    }
  }
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
  fs.rmSync(seedDir, { recursive: true, force: true });
});

const VIEWS = [
  "",
  "granularity=month",
  "granularity=year&metric=articles",
  "metric=passages",
  "coding=all",
  "status=reviewed",
  "status=uncoded&status=in-progress&coding=all",
  "org=sasac",
  "org=sasac&org=china-minmetals&metric=articles",
  "orgRole=publisher&org=iucg",
  "orgRole=mentioned&org=sasac",
  "orgRole=mentioned&org=china-minmetals&granularity=month&theme=reform&metric=passages",
  "org=sasac&granularity=month&theme=reform",
  "orgRole=mentioned&org=sasac&org=china-minmetals&from=2021-01-01&to=2023-06-30",
  "orgRole=mentioned&org=sasac&from=2021-03-02&to=2022-05-20&granularity=month",
  "orgRole=mentioned&org=china-minmetals&from=2019-03-15&granularity=month",
  "from=2020-01-01&to=2024-12-31",
  "from=2021-02-10&to=2023-11-20&granularity=month",
  "from=2022-05-03&to=2022-05-20&granularity=month",
  "from=2022-05-01&to=2022-05-31&coding=all",
  "to=2023-06-15&granularity=year",
  "from=2022-07-01",
  "from=2022-02-14&granularity=year",
  "coder=coder-b",
  "coder=seed-editor&granularity=year&coding=all",
  "coder=ann&metric=articles",
  "theme=reform&theme=innovation&org=sasac&from=2021-01-01&to=2023-09-30",
];

function filtersOf(query: string): Filters {
  const r = parseFilters(new URLSearchParams(query));
  if (!r.ok) throw new Error(`${query}: ${JSON.stringify(r.issues)}`);
  return r.value;
}

async function expectConsistent(after: string) {
  expect(await checkRollups(prismaRunner(prisma)), `rollups after ${after}`).toEqual([]);
  for (const view of VIEWS) {
    const f = filtersOf(view);
    if (f.coder && !(await prisma.articleCoding.count({ where: { coder: f.coder } }))) continue;
    const timeline = await naive.naiveTimeline(f);
    expect(await q.getTimeline(f), `timeline ?${view} after ${after}`).toEqual(timeline);
    // The names of inferred-date articles read either way (a read per bucket, or one for all).
    for (const names of ["per-bucket", "one-read"] as const) expect(await q.getTimeline(f, { names }), `timeline ?${view} (names ${names}) after ${after}`).toEqual(timeline);
    expect(await q.getBySource(f), `by-source ?${view} after ${after}`).toEqual(await naive.naiveBySource(f));
    const summary = await naive.naiveSummary(f);
    expect(await q.getSummary(f), `summary ?${view} after ${after}`).toEqual(summary);
    // The article list counts its articles from the rollups too: a count of the articles in view.
    expect((await q.getArticleIdsInView(f, { offset: 0, limit: 1 })).total, `article list ?${view} after ${after}`).toBe(summary.inView);
  }
}

const CODERS = ["coder-b", "seed-editor", "ann", "consensus"];
const THEMES = ["innovation", "supply-chain-security", "party-building", "reform"];

async function randomArticle() {
  const all = await prisma.article.findMany({ select: { slug: true, body: true, id: true }, orderBy: { id: "asc" } });
  return pick(all);
}

/** One random write of a random kind; returns what it was, for the failure message. */
let succeeded = 0;
const ok = (r: { ok: boolean }) => {
  if (r.ok) succeeded++;
};

async function randomWrite(i: number): Promise<string> {
  const kind = pick(["add", "add", "add", "edit", "delete", "undo", "status", "status", "metadata", "adjudicate", "import", "mention"]);
  const a = await randomArticle();
  const coder = pick(CODERS);
  const who = coder === "consensus" ? "lead" : coder;
  if (kind === "add") {
    const start = Math.floor(rand() * Math.max(1, a.body.length - 30));
    const end = Math.min(a.body.length, start + 10 + Math.floor(rand() * 150));
    ok(await w.addPassage(a.slug, { start, end, themes: [pick(THEMES)], annotator: who, coder }));
  } else if (kind === "edit" || kind === "delete") {
    const passages = await prisma.annotation.findMany({ where: { articleId: a.id }, select: { id: true, coder: true } });
    if (!passages.length) return `${kind} (none)`;
    const p = pick(passages);
    if (kind === "edit") ok(await w.editPassage(p.id, { theme: pick(THEMES), annotator: p.coder === "consensus" ? "lead" : p.coder }));
    else ok(await w.deletePassage(p.id, p.coder === "consensus" ? "lead" : p.coder));
  } else if (kind === "undo") {
    ok(await w.undoLast(a.slug, who));
  } else if (kind === "status") {
    ok(await w.setCodingStatus(a.slug, { status: pick(["uncoded", "in-progress", "coded", "reviewed", "coded"] as const), annotator: who, coder }));
  } else if (kind === "metadata") {
    const precision = pick(["day", "month", "year", "unknown"] as const);
    const date = precision === "unknown" ? null : precision === "day" ? pick(["2021-06-15", "2022-05-09", "2023-01-31"]) : precision === "month" ? pick(["2022-05", "2020-12"]) : pick(["2021", "2023"]);
    const orgs = ["sasac", "china-minmetals", "state-council", "iucg"];
    const r = await w.editMetadata(a.slug, {
      title: `Edited ${i}`,
      date,
      datePrecision: precision,
      dateNote: "set in the test",
      dateBasis: date ? pick(["stated", "inferred"] as const) : null,
      source: pick(orgs),
      publisher: pick([...orgs, null]),
      annotator: "lead",
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    ok(r);
  } else if (kind === "adjudicate") {
    const theme = pick(THEMES);
    const [x, y] = [pick(["coder-b", "seed-editor"]), pick(["ann", "coder-b"])];
    if (x === y) return "adjudicate (same coder)";
    ok(await adjudicate(a.slug, { theme, coderA: x, coderB: y, start: 0, end: a.body.length, decision: pick(["a", "b", "both", "neither"] as const), annotator: "lead" }));
  } else if (kind === "mention") {
    // The detected mentions of an article change (as a re-import or a seed sync would).
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: pick(["sasac", "china-minmetals", "state-council"]) } });
    const have = await prisma.articleMention.findUnique({ where: { articleId_organizationId: { articleId: a.id, organizationId: org.id } } });
    if (have) await prisma.articleMention.delete({ where: { articleId_organizationId: { articleId: a.id, organizationId: org.id } } });
    else await prisma.articleMention.create({ data: { articleId: a.id, organizationId: org.id } });
    succeeded++;
  } else {
    await importArticles(db.url, [{ file: `more-${i}.txt`, raw: articleText(100 + i) }]);
  }
  return `${kind} on ${a.slug} by ${coder}`;
}

describe("rollups", () => {
  it("equal a recomputation, and the charts equal the article-join queries, on the seeded and imported corpus", async () => {
    await expectConsistent("seed and import");
  }, 120_000);

  it("after random writes of every kind", async () => {
    const done: string[] = [];
    for (let i = 0; i < 72; i++) {
      done.push(await randomWrite(i));
      if (i % 12 === 11) await expectConsistent(done.slice(-12).join("; "));
    }
    expect(succeeded, "writes that changed something").toBeGreaterThan(30);
    // Every kind of write came up.
    for (const kind of ["add", "edit", "delete", "undo", "status", "metadata", "adjudicate", "import", "mention"]) expect(done.some((d) => d.startsWith(kind)), kind).toBe(true);
    // The views compared above named articles of inferred date both ways: per bucket, and in one
    // read for a mentioned organization (the naive queries name them from the article table).
    const named = async (view: string) => (await q.getTimeline(filtersOf(view))).periods.reduce((k, p) => k + p.inferred.length, 0);
    expect(await named("granularity=month")).toBeGreaterThan(0);
    expect(await named("orgRole=mentioned&org=sasac") + (await named("orgRole=mentioned&org=china-minmetals&granularity=month&theme=reform&metric=passages"))).toBeGreaterThan(0);
  }, 600_000);

  it("after a codebook change: a theme added, then dropped", async () => {
    const file = path.join(seedDir, "codebook.json");
    const codebook = JSON.parse(fs.readFileSync(file, "utf8")) as { themes: { slug: string }[] };
    const original = JSON.stringify(codebook);
    codebook.themes.push({ slug: "security", name: "Security", colour: "#D55E00", definition: "Safety.", cues: ["safe"], boundaries: [] } as never);
    fs.writeFileSync(file, JSON.stringify(codebook));
    const seeded = loadSeed(seedDir);
    if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
    await writeSeedPlan(prisma, seeded.plan);
    await expectConsistent("a theme added");
    fs.writeFileSync(file, original);
    const again = loadSeed(seedDir);
    if (!again.ok) throw new Error(again.errors.join("\n"));
    await writeSeedPlan(prisma, again.plan);
    await expectConsistent("the theme dropped");
  }, 300_000);

  it("after an article is deleted (its per-theme rows and mentions go with it)", async () => {
    const a = await prisma.article.findFirstOrThrow({ where: { mentions: { some: {} }, themeStats: { some: { passages: { gt: 0 } } } } });
    await prisma.article.delete({ where: { id: a.id } });
    await expectConsistent(`deleting ${a.slug}`);
  }, 120_000);

  it("rebuildRollups recomputes both tables to exactly what the triggers keep", async () => {
    const before = snapshot(db.file);
    await prisma.$transaction(async (tx) => rebuildRollups(prismaRunner(tx)));
    expect(snapshot(db.file)).toBe(before);
    // A corrupted sum is found, and a rebuild mends it.
    const key = `coder, "themeId", month, precision, basis, status, "sourceId", "publisherId"`;
    await prisma.$executeRawUnsafe(`UPDATE "ThemeRollup" SET words = words + 1 WHERE (${key}) IN (SELECT ${key} FROM "ThemeRollup" LIMIT 1)`);
    const found = await checkRollups(prismaRunner(prisma));
    expect(found.map((d) => [d.check, d.count])).toEqual([
      ["ThemeRollup sums that a recomputation does not give", 1],
      ["ThemeRollup sums missing", 1],
    ]);
    await prisma.$transaction(async (tx) => rebuildRollups(prismaRunner(tx)));
    expect(await checkRollups(prismaRunner(prisma))).toEqual([]);
  }, 120_000);
});
