// Every passage stores its words (Annotation.words) when it is written, so passages.csv never
// recounts them: after each kind of write (seed, tagging add/edit/delete/undo, adjudication,
// an annotation file loaded, a REFI-QDA project imported) every stored value equals
// countWords(quote); db:setup's backfill counts the passages that have none; db:check reports
// one that is wrong.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { countWords } from "@/lib/measure/words";
import { checkConsistency, describeConsistency } from "@/lib/queries/consistency";
import { fillPassageWords } from "@/lib/writes/passage-words";
import { createTempDb, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

const SEEDS = path.join(import.meta.dirname, "../../seeds");
let db: TempDb;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await seededDb(SEEDS);
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});

/** Every passage's stored words against a recount of its quote; returns how many passages there are. */
async function expectWordsStored(p: PrismaClient): Promise<number> {
  const rows = await p.annotation.findMany({ select: { id: true, quote: true, words: true }, orderBy: { id: "asc" } });
  expect(rows.filter((r) => r.words !== countWords(r.quote))).toEqual([]);
  return rows.length;
}

const A = "001-4f80914eab6d9808";
const passagesOf = (coder: string) => prisma.annotation.findMany({ where: { article: { slug: A }, coder }, orderBy: { id: "asc" } });

describe("words stored with every passage", () => {
  it("by the seed", async () => {
    expect(await expectWordsStored(prisma)).toBeGreaterThan(300); // consensus and both coders' passages
    const one = await prisma.annotation.findFirstOrThrow({ where: { quote: { contains: " " } }, orderBy: { id: "asc" } });
    expect(one.words).toBe(countWords(one.quote));
    expect(one.words).toBeGreaterThan(1);
  });

  it("by tagging: add, edit, delete and undo", async () => {
    const { addPassage, deletePassage, editPassage, undoLast } = await import("@/lib/writes/tagging");
    const body = (await prisma.article.findUniqueOrThrow({ where: { slug: A } })).body;
    const at = body.indexOf(" ", 100) + 1;
    const added = await addPassage(A, { start: at, end: at + 60, themes: ["reform", "innovation"], annotator: "words-test" });
    expect(added.ok).toBe(true);
    const mine = await passagesOf("words-test");
    expect(mine).toHaveLength(2);
    expect(mine[0].words).toBe(countWords(mine[0].quote));
    expect(mine[0].words).toBeGreaterThanOrEqual(8);
    expect((await editPassage(mine[0].id, { theme: "party-building", annotator: "words-test" })).ok).toBe(true);
    expect((await deletePassage(mine[1].id, "words-test")).ok).toBe(true);
    expect((await undoLast(A, "words-test")).ok).toBe(true); // the delete undone: the passage is written again
    expect((await undoLast(A, "words-test")).ok).toBe(true); // the edit undone: the passage is rewritten from its old state
    const after = await passagesOf("words-test");
    expect(after.map((p) => p.quote)).toEqual([mine[0].quote, mine[1].quote]);
    await expectWordsStored(prisma);
  });

  it("by adjudication, taking a coder's passages or an edited one", async () => {
    const { getDisagreements } = await import("@/lib/queries/agreement");
    const { adjudicate } = await import("@/lib/writes/adjudication");
    // The article where the seed's two coders disagree most.
    const views = await Promise.all((await prisma.article.findMany({ select: { slug: true } })).map((a) => getDisagreements(a.slug, "seed-editor", "coder-b")));
    const view = views.sort((x, y) => y!.disagreements.length - x!.disagreements.length)[0]!;
    const [d, e] = view.disagreements;
    expect(d && e).toBeTruthy();
    const slug = view.article.slug;
    const base = { coderA: "seed-editor", coderB: "coder-b", annotator: "judge" } as const;
    expect((await adjudicate(slug, { ...base, theme: d.theme, start: d.start, end: d.end, decision: "both" })).ok).toBe(true);
    const edited = await adjudicate(slug, { ...base, theme: e.theme, start: e.start, end: e.end, decision: "edit", edit: { start: e.start, end: Math.min(e.end, e.start + 40) } });
    expect(edited.ok).toBe(true);
    const written = await prisma.annotation.findMany({ where: { article: { slug }, coder: "consensus", note: { startsWith: "adjudicated" } } });
    expect(written.length).toBeGreaterThan(1);
    await expectWordsStored(prisma);
  });

  it("by loading an annotation file", async () => {
    const { loadAnnotationFiles } = await import("@/lib/coding/annotation-io");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-words-"));
    const file = path.join(dir, "002.json");
    const data = JSON.parse(fs.readFileSync(path.join(SEEDS, "codings/seed-editor/002-5d473a49d580ab5d.json"), "utf8"));
    data.annotations.push({ themes: ["innovation"], quote: "photovoltaic cells and metal resource recycling", annotator: "analyst-b" });
    fs.writeFileSync(file, JSON.stringify(data));
    expect(await loadAnnotationFiles(prisma, [file])).toMatchObject({ ok: true, files: [{ added: 1 }] });
    const loaded = await prisma.annotation.findFirstOrThrow({ where: { quote: "photovoltaic cells and metal resource recycling", annotator: "analyst-b" } });
    expect(loaded.words).toBe(6);
    await expectWordsStored(prisma);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("by importing a REFI-QDA project into an empty database", async () => {
    const { buildQdpx } = await import("@/lib/corpus/qdpx/export");
    const { readQdaFile } = await import("@/lib/corpus/qdpx/read");
    const { getQdpxProject } = await import("@/lib/queries/qdpx");
    const { importQdaProject } = await import("@/lib/writes/qdpx-import");
    const bytes = buildQdpx(await getQdpxProject(prisma));
    const read = readQdaFile("seed.qdpx", bytes);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const empty = createTempDb();
    const other = createPrismaClient(empty.url);
    try {
      const out = await importQdaProject(other, "seed.qdpx", read.project, { newThemes: true });
      expect(out.errors).toEqual([]);
      expect(await expectWordsStored(other)).toBeGreaterThan(100);
    } finally {
      await other.$disconnect();
      empty.cleanup();
    }
  });
});

describe("passages written before words were stored", () => {
  it("db:check lists them, db:setup's backfill counts them, and db:check is then clean", async () => {
    const total = await prisma.annotation.count();
    const raw = new Database(db.file);
    raw.prepare(`UPDATE "Annotation" SET words = NULL WHERE id % 3 = 0`).run();
    const nulls = (raw.prepare(`SELECT COUNT(*) AS n FROM "Annotation" WHERE words IS NULL`).get() as { n: number }).n;
    raw.close();
    expect(nulls).toBeGreaterThan(50);
    const before = await checkConsistency(prisma);
    expect(before.differences.filter((d) => d.what === "passageWords")).toHaveLength(nulls);
    expect(before.differences.every((d) => d.what === "passageWords" && d.stored === null)).toBe(true);
    expect(describeConsistency(before).join("\n")).toMatch(/passageWords {2}stored \(not counted\) {2}recomputed \d+/);

    // passages.csv is right meanwhile: it counts what is not stored.
    const route = await import("@/app/api/export/passages.csv/route");
    const { parse } = await import("csv-parse/sync");
    const csv = parse(await (await route.GET(new Request("http://test/x?coding=all"))).text(), { columns: true }) as { quote: string; words: string }[];
    expect(csv.length).toBeGreaterThan(100);
    expect(csv.filter((r) => Number(r.words) !== countWords(r.quote.replace(/^'(?=[=+\-@\t\r])/, "")))).toEqual([]);

    expect(await fillPassageWords(prisma)).toBe(nulls);
    expect(await fillPassageWords(prisma)).toBe(0);
    expect(await expectWordsStored(prisma)).toBe(total);
    expect((await checkConsistency(prisma)).differences).toEqual([]);
  });

  it("db:check reports a stored word count that differs from a recount", async () => {
    const row = await prisma.annotation.findFirstOrThrow({ where: { coder: "coder-b" }, include: { article: true, theme: true } });
    const raw = new Database(db.file);
    raw.prepare(`UPDATE "Annotation" SET words = 999 WHERE id = ?`).run(row.id);
    raw.close();
    const report = await checkConsistency(prisma);
    expect(report.differences).toEqual([{ article: row.article.slug, theme: row.theme.slug, what: "passageWords", coder: "coder-b", stored: 999, recomputed: countWords(row.quote) }]);
    await fillPassageWords(prisma); // not NULL: left alone, the check is what finds it
    expect((await checkConsistency(prisma)).differences).toHaveLength(1);
  });
});
