// Totals stay consistent whatever changes (a theme added to or dropped from the codebook, an
// imported article, tagging writes, an edited passage or article text), and `npm run db:check`
// finds a total that does not match its passages.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { loadSeed } from "@/lib/corpus/seed";
import { writeSeedPlan } from "@/lib/writes/seed";
import { importArticles } from "@/lib/writes/import";
import { loadAnnotationFiles } from "@/lib/coding/annotation-io";
import { checkConsistency } from "@/lib/queries/consistency";
import { copySeedDir, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const root = path.join(import.meta.dirname, "../..");
let db: TempDb;
let prisma: PrismaClient;
let seedDir: string;
beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  prisma = createPrismaClient(db.url);
  seedDir = copySeedDir(MINI_SEED);
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
  fs.rmSync(seedDir, { recursive: true, force: true });
});

async function reseed() {
  const result = loadSeed(seedDir);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return writeSeedPlan(prisma, result.plan);
}
type Codebook = { themes: { slug: string; name: string; colour: string; definition: string; cues: string[]; boundaries: string[] }[] };
function editCodebook(edit: (c: Codebook) => void) {
  const file = path.join(seedDir, "codebook.json");
  const c = JSON.parse(fs.readFileSync(file, "utf8")) as Codebook;
  edit(c);
  fs.writeFileSync(file, JSON.stringify(c));
}
const rowsOf = (slug: string) => prisma.articleTheme.count({ where: { article: { slug }, coder: "consensus" } });
const dbCheck = () =>
  spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db-check.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
  });

describe("totals stay consistent", () => {
  it("on the seed plus an imported article: one row per article and theme, nothing to report", async () => {
    const out = await importArticles(prisma, [{ file: "imported.txt", raw: "Imported\n\nDate: 2024-02-01\n\nWe reform and build chips.\n" }]);
    expect(out[0].status).toBe("imported");
    const report = await checkConsistency(prisma);
    expect(report).toMatchObject({ articles: 3, themes: 2, rows: 6, differences: [] });
  });

  it("after a theme is added to the codebook: the imported article gets its row too", async () => {
    editCodebook((c) => c.themes.push({ slug: "security", name: "Security", colour: "#D55E00", definition: "Safety.", cues: ["safe"], boundaries: [] }));
    const changes = await reseed();
    expect(changes.themes).toBe(1);
    expect(await rowsOf("imported")).toBe(3); // it was 2: the seed does not list imported articles
    expect(await checkConsistency(prisma)).toMatchObject({ themes: 3, rows: 9, differences: [] });
  });

  it("after tagging writes, an edited passage and an annotation file loaded", async () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1"; // as `npm start` serves tagging without a secret
    type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const annotations = (await import("@/app/api/articles/[slug]/annotations/route")) as unknown as { POST: Handler };
    const annotation = (await import("@/app/api/annotations/[id]/route")) as unknown as { PATCH: Handler };
    const req = (method: string, body: object) =>
      new Request("http://localhost:3000/x", { method, headers: { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: JSON.stringify(body) });
    // "We reform and build chips." : tag "build chips" (14..25) as security, then move it to innovation
    const res = await annotations.POST(req("POST", { start: 14, end: 25, themes: ["security"], annotator: "t" }), { params: Promise.resolve({ slug: "imported" }) });
    expect(res.status).toBe(200);
    const { ids } = (await res.json()) as { ids: number[] };
    const edit = await annotation.PATCH(req("PATCH", { theme: "innovation", annotator: "t" }), { params: Promise.resolve({ id: String(ids[0]) }) });
    expect(edit.status).toBe(200);
    const file = path.join(seedDir, "imported.json");
    fs.writeFileSync(file, JSON.stringify({ article: "imported", coder: "t", annotations: [{ themes: ["reform"], quote: "We reform", annotator: "t" }] }));
    expect((await loadAnnotationFiles(prisma, [file])).ok).toBe(true);
    delete process.env.TAGGING_ENABLED;
    delete process.env.TAGGING_LOOPBACK_ONLY;
    const stats = await prisma.articleTheme.findMany({ where: { article: { slug: "imported" }, coder: "consensus" }, select: { theme: { select: { slug: true } }, taggedWords: true, passages: true } });
    expect(stats.map((s) => [s.theme.slug, s.taggedWords, s.passages]).sort()).toEqual([["innovation", 0, 0], ["reform", 2, 1], ["security", 0, 0]]);
    expect((await checkConsistency(prisma)).differences).toEqual([]);
  });

  it("after a theme is dropped and an article's text is edited", async () => {
    editCodebook((c) => (c.themes = c.themes.filter((t) => t.slug !== "security")));
    fs.writeFileSync(path.join(seedDir, "articles/beta_002.txt"), "Reform again. Reform the rules, and reform once more.\n");
    await reseed();
    const beta = await prisma.article.findUniqueOrThrow({ where: { slug: "beta-002" } });
    expect(beta.wordCount).toBe(9);
    expect(await checkConsistency(prisma)).toMatchObject({ themes: 2, rows: 6, differences: [] });
    const run = dbCheck();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Checked 3 article(s) x 2 theme(s): 6 per-theme row(s) stored, 6 expected.");
  });

  it("db:check reports a corrupted total, a missing row and a wrong word count, and exits 1", async () => {
    const raw = new Database(db.file);
    const id = (slug: string) => (raw.prepare("SELECT id FROM Article WHERE slug = ?").get(slug) as { id: number }).id;
    const theme = (slug: string) => (raw.prepare("SELECT id FROM Theme WHERE slug = ?").get(slug) as { id: number }).id;
    raw.prepare("UPDATE ArticleTheme SET taggedWords = 99 WHERE articleId = ? AND themeId = ? AND coder = 'consensus'").run(id("alpha-001"), theme("reform"));
    raw.prepare("DELETE FROM ArticleTheme WHERE articleId = ? AND themeId = ? AND coder = 'consensus'").run(id("beta-002"), theme("innovation"));
    raw.prepare("UPDATE Article SET wordCount = 7 WHERE slug = 'alpha-001'").run();
    raw.close();
    const report = await checkConsistency(prisma);
    expect(report.differences).toEqual([
      { article: "alpha-001", theme: null, what: "wordCount", stored: 7, recomputed: 8 },
      { article: "alpha-001", theme: "reform", what: "taggedWords", stored: 99, recomputed: 4 },
      // beta-002's innovation passage is "Reform again." : 2 words
      { article: "beta-002", theme: "innovation", what: "row", stored: null, recomputed: "2 words, 1 passages" },
    ]);
    const run = dbCheck();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("3 difference(s) (article, theme, what, stored, recomputed):");
    expect(run.stderr).toContain("  alpha-001  reform  taggedWords  stored 99  recomputed 4");
    expect(run.stderr).toContain('  beta-002  innovation  row  stored (no row)  recomputed "2 words, 1 passages"');
  });

  it("db:check reports chart aggregates that differ from a recomputation, and exits 1", async () => {
    const raw = new Database(db.file);
    // Around the triggers: a sum changed by hand, as a bug in them (or a bulk load that skipped them) would leave it.
    raw.prepare(`UPDATE "ThemeRollup" SET passages = passages + 5 WHERE coder = 'consensus' AND "themeId" = (SELECT id FROM Theme WHERE slug = 'reform')`).run();
    raw.close();
    const report = await checkConsistency(prisma);
    expect(report.rollups.map((d) => d.check)).toEqual(["ThemeRollup sums that a recomputation does not give", "ThemeRollup sums missing"]);
    const run = dbCheck();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("The chart aggregates (ThemeFact, ThemeRollup, MentionRollup) differ from a full recomputation:");
    expect(run.stderr).toContain("ThemeRollup sums that a recomputation does not give:");
  });
});
