// Round trip between the database and annotation files, on the real corpus.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAnnotations, loadAnnotationFiles } from "@/lib/coding/annotation-io";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

const SEEDS = path.join(import.meta.dirname, "../../seeds");
const A = path.join(SEEDS, "codings/seed-editor");
/** Every coding file of the seeds, as paths relative to seeds/. */
const seedFiles = () =>
  ["codings/seed-editor", "codings/coder-b", "consensus"].flatMap((d) =>
    fs.readdirSync(path.join(SEEDS, d)).filter((f) => f.endsWith(".json") && f !== "decisions.json").map((f) => `${d}/${f}`),
  );
let db: TempDb;
let prisma: PrismaClient;
let scratch: string;
beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  prisma = createPrismaClient(db.url);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-ann-"));
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("annotation files", () => {
  it("export of a freshly seeded database is byte-identical to the seed files, every coder's and the consensus", async () => {
    const texts = await exportAnnotations(prisma);
    expect([...texts.keys()].sort()).toEqual(seedFiles().sort());
    for (const [rel, { text }] of texts) expect(text, rel).toBe(fs.readFileSync(path.join(SEEDS, rel), "utf8"));
  });

  it("loading an unchanged file changes nothing", async () => {
    const before = snapshot(db.file);
    const result = await loadAnnotationFiles(prisma, [path.join(A, "002-5d473a49d580ab5d.json")]);
    expect(result).toMatchObject({ ok: true, files: [{ article: "002-5d473a49d580ab5d", added: 0, removed: 0 }] });
    expect(snapshot(db.file)).toBe(before);
  });

  it("loading an edited file updates that article's passages and totals, and exports back to the same bytes", async () => {
    const file = path.join(scratch, "002.json");
    const data = JSON.parse(fs.readFileSync(path.join(A, "002-5d473a49d580ab5d.json"), "utf8"));
    data.annotations.push({ themes: ["innovation"], quote: "photovoltaic cells and metal resource recycling", annotator: "analyst-b" });
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    const result = await loadAnnotationFiles(prisma, [file]);
    expect(result).toMatchObject({ ok: true, files: [{ added: 1, removed: 0 }] });
    const stat = await prisma.articleTheme.findFirstOrThrow({ where: { article: { slug: "002-5d473a49d580ab5d" }, theme: { slug: "innovation" }, coder: "seed-editor" } });
    expect([stat.passages, stat.taggedWords]).toEqual([1, 6]); // photovoltaic cells and metal resource recycling
    // Two coders and a consensus: a coder's change does not touch the consensus the charts show.
    const consensus = await prisma.articleTheme.findFirstOrThrow({ where: { article: { slug: "002-5d473a49d580ab5d" }, theme: { slug: "innovation" }, coder: "consensus" } });
    expect(consensus.passages).toBe(0);

    const key = "codings/seed-editor/002-5d473a49d580ab5d.json";
    const exported = (await exportAnnotations(prisma, ["002-5d473a49d580ab5d"])).get(key)!.text;
    fs.writeFileSync(file, exported);
    await loadAnnotationFiles(prisma, [file]);
    expect((await exportAnnotations(prisma, ["002-5d473a49d580ab5d"])).get(key)?.text).toBe(exported);
  });

  it("refuses a broken file with file: entry: reason and writes nothing", async () => {
    const file = path.join(scratch, "broken.json");
    fs.writeFileSync(file, JSON.stringify({ article: "001-4f80914eab6d9808", coder: "x", annotations: [{ themes: ["reform"], quote: "not in the text", annotator: "x" }] }));
    const missing = path.join(scratch, "ghost.json");
    fs.writeFileSync(missing, JSON.stringify({ article: "no-such-article", coder: "x", annotations: [] }));
    const nobody = path.join(scratch, "nobody.json");
    fs.writeFileSync(nobody, JSON.stringify({ article: "001-4f80914eab6d9808", annotations: [] }));
    const before = snapshot(db.file);
    const result = await loadAnnotationFiles(prisma, [file, missing, nobody]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        expect.stringMatching(/broken\.json: annotations\[0\]: quote not found in the article's cleaned body: "not in the text"$/),
        expect.stringMatching(/ghost\.json: article: no article "no-such-article" in the database$/),
        expect.stringMatching(/nobody\.json: coder: say whose coding this is/),
      ]);
    }
    expect(snapshot(db.file)).toBe(before);
  });
});
