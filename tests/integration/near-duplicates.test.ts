// Near-duplicates on import: a corrected re-edit of a stored text is reported with the article it
// resembles and stored only with --keep-both (a new article) or --replace (the stored article's
// text in place, refused when that article has passages or has been coded).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticles, importSummary, type ImportInput } from "@/lib/writes/import";
import { BANDS } from "@/lib/corpus/near-duplicates";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

const root = path.join(import.meta.dirname, "../..");
const reEdit = (): ImportInput => {
  const file = path.join(root, "tests/fixtures/near-duplicates/000-corrected-re-edit.txt");
  return { file, raw: fs.readFileSync(file, "utf8") };
};
const SEED_000 = "000-4e479f1f7325fcc2";
const SEED_000_TITLE =
  "Zhang Guoqing Attends 2023 Business Performance Responsibility Statement Signing Meeting of Central SOEs China Minmetals Representatives Attends the Meeting and Signs the Statement";
const words = (n: number, salt: string) => Array.from({ length: n }, (_, i) => `${salt}${i % 7} word${i}`).join(" ");
const original = `Grid company widens its supply chain\n\nDate: 2021-05-06\n\nSource: Grid Holdings\n\n${words(120, "alpha")}.\n\n${words(80, "beta")}.\n`;
const corrected = original.replace("word17 ", "word17x ").replace("word90 ", "corrected ") + "\nOne added sentence at the end.\n";

let db: TempDb;
const one = <T>(sql: string, ...args: unknown[]) => {
  const raw = new Database(db.file, { readonly: true });
  try {
    return raw.prepare(sql).get(...args) as T;
  } finally {
    raw.close();
  }
};
beforeAll(async () => {
  db = await seededDb(path.join(root, "seeds"));
});
afterAll(() => db.cleanup());

describe("near-duplicates", () => {
  it("a dry run reports the re-edit with the article it resembles, before any fingerprint is stored", async () => {
    const lines: string[] = [];
    const [out] = await importArticles(db.url, [reEdit()], { dryRun: true, log: (l) => lines.push(l) });
    expect(out).toMatchObject({ status: "near-duplicate", of: { slug: SEED_000, title: SEED_000_TITLE } });
    expect(out.status === "near-duplicate" && out.of.similarity).toBeCloseTo(385 / 425, 10);
    expect(lines[0]).toContain(`not imported, almost the same text as "${SEED_000}" ("${SEED_000_TITLE}", similarity 0.91); give --replace`);
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "ArticleFingerprint"`).n).toBe(0);
  });

  it("the import fingerprints the stored articles once (16 band keys each) and stores nothing of the re-edit", async () => {
    const lines: string[] = [];
    const out = await importArticles(db.url, [reEdit()], { log: (l) => lines.push(l) });
    expect(lines[0]).toBe("Fingerprinted 5 stored article(s) for the near-duplicate check.");
    expect(out[0]).toMatchObject({ status: "near-duplicate", of: { slug: SEED_000 } });
    expect(importSummary(out)).toBe("1 file(s): 0 imported, 0 duplicate(s) skipped, 1 near-duplicate(s) not imported, 0 failed.");
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "ArticleShingleBand"`).n).toBe(5 * BANDS);
    const before = snapshot(db.file);
    await importArticles(db.url, [reEdit()]);
    expect(snapshot(db.file)).toBe(before);
  });

  it("--replace is refused for an article with passages, and nothing changes", async () => {
    const before = snapshot(db.file);
    const dry = await importArticles(db.url, [reEdit()], { dryRun: true, nearDuplicates: "replace" });
    const [out] = await importArticles(db.url, [reEdit()], { nearDuplicates: "replace" });
    for (const o of [dry[0], out]) {
      expect(o.status).toBe("failed");
      expect(o.status === "failed" && o.reason).toMatch(new RegExp(`^"${SEED_000}" is almost the same text \\(similarity 0\\.91\\) but has \\d+ passage\\(s\\)`));
    }
    expect(snapshot(db.file)).toBe(before);
  });

  it("--keep-both stores the re-edit as a new article and says what it resembles", async () => {
    const lines: string[] = [];
    const [out] = await importArticles(db.url, [reEdit()], { nearDuplicates: "keep-both", log: (l) => lines.push(l) });
    expect(out).toMatchObject({ status: "imported", slug: "000-corrected-re-edit", resembles: { slug: SEED_000 } });
    expect(lines[0]).toContain(`kept beside its near-duplicate "${SEED_000}" (similarity 0.91)`);
    // Now stored and fingerprinted itself: the same text again is an exact duplicate.
    expect((await importArticles(db.url, [reEdit()]))[0]).toMatchObject({ status: "duplicate", of: "000-corrected-re-edit" });
  });

  it("--replace updates an uncoded article in place, keeping its slug and id", async () => {
    const [first] = await importArticles(db.url, [{ file: "grid.txt", raw: original }]);
    expect(first).toMatchObject({ status: "imported", slug: "grid" });
    const id = one<{ id: number }>(`SELECT id FROM "Article" WHERE slug = 'grid'`).id;
    const count = one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Article"`).n;

    const dry = await importArticles(db.url, [{ file: "grid-v2.txt", raw: corrected }], { dryRun: true, nearDuplicates: "replace" });
    expect(dry[0]).toMatchObject({ status: "checked", mode: "replace", resembles: { slug: "grid" } });
    const [out] = await importArticles(db.url, [{ file: "grid-v2.txt", raw: corrected }], { nearDuplicates: "replace" });
    expect(out).toMatchObject({ status: "replaced", slug: "grid", resembles: { slug: "grid", title: "Grid company widens its supply chain" } });
    const a = one<{ id: number; body: string; wordCount: number }>(`SELECT id, body, "wordCount" FROM "Article" WHERE slug = 'grid'`);
    expect(a.id).toBe(id);
    expect(a.body).toContain("One added sentence at the end.");
    expect(a.body).toContain("word17x");
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Article"`).n).toBe(count);
    // The fingerprint follows the text: the old text is now the near-duplicate of the stored one.
    const [back] = await importArticles(db.url, [{ file: "grid.txt", raw: original }], { dryRun: true });
    expect(back).toMatchObject({ status: "near-duplicate", of: { slug: "grid" } });
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "ArticleShingleBand" WHERE "articleId" = ?`, id).n).toBe(BANDS);
  });

  it("an article whose text changed since it was fingerprinted is fingerprinted again by the next import", async () => {
    const id = one<{ id: number }>(`SELECT id FROM "Article" WHERE slug = 'grid'`).id;
    const raw = new Database(db.file);
    // As a seed re-sync or a text edit would leave it: a new body and hash, the old fingerprint.
    raw.prepare(`UPDATE "Article" SET body = ?, "contentHash" = 'edited' WHERE id = ?`).run(words(150, "delta"), id);
    raw.close();
    const lines: string[] = [];
    await importArticles(db.url, [{ file: "other.txt", raw: `Something else\n\n${words(90, "omega")}.\n` }], { log: (l) => lines.push(l) });
    expect(lines[0]).toBe("Fingerprinted 1 stored article(s) for the near-duplicate check.");
    expect(one<{ contentHash: string }>(`SELECT "contentHash" FROM "ArticleFingerprint" WHERE "articleId" = ?`, id).contentHash).toBe("edited");
    const [near] = await importArticles(db.url, [{ file: "delta.txt", raw: `Delta\n\n${words(150, "delta")} and one more.\n` }], { dryRun: true });
    expect(near).toMatchObject({ status: "near-duplicate", of: { slug: "grid" } });
  });

  it("a re-edit of a file earlier in the same run is a near-duplicate of it, in the dry run and the import", async () => {
    const pair: ImportInput[] = [
      { file: "port.txt", raw: original.replace("Grid company", "Port company").replaceAll("alpha", "gamma") },
      { file: "port-v2.txt", raw: corrected.replace("Grid company", "Port company").replaceAll("alpha", "gamma") },
    ];
    const dry = await importArticles(db.url, pair, { dryRun: true });
    expect(dry.map((o) => o.status)).toEqual(["checked", "near-duplicate"]);
    const out = await importArticles(db.url, pair);
    expect(out.map((o) => o.status)).toEqual(["imported", "near-duplicate"]);
    expect(out[1]).toMatchObject({ of: { slug: "port", title: "Port company widens its supply chain" } });
  });
});
