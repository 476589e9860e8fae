// The import keeps the shingles of the texts it compares new ones with (lib/writes/fingerprints.ts,
// TextCache), and trusts what it knows of each article's text only while no other connection has
// written: a text or title changed by someone else between two batches of the same import is
// what the next batch compares with and names, as if nothing had been kept.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importArticles } from "@/lib/writes/import";
import { jaccard, jaccardSorted, shingles, sortedShingles } from "@/lib/corpus/near-duplicates";
import { createTempDb, type TempDb } from "../helpers/db";

const words = (n: number, salt: string) => Array.from({ length: n }, (_, i) => `${salt}${i % 7} word${i}`).join(" ");
const text = (title: string, salt: string) => `${title}\n\nDate: 2021-05-06\n\nSource: Grid Holdings\n\n${words(120, salt)}.\n\n${words(80, `${salt}b`)}.\n`;
const original = text("Grid company widens its supply chain", "alpha");
// Two words changed and a sentence added: 0.9 similar to the original.
const corrected = original.replace("word17 ", "word17x ").replace("word90 ", "corrected ") + "\nOne added sentence at the end.\n";

let db: TempDb;
beforeEach(() => {
  db = createTempDb();
});
afterEach(() => db.cleanup());

/** Runs `change` on another connection once the import has written its first batch (one file a batch). */
async function importWithChange(change: (raw: Database.Database) => void) {
  let changed = false;
  return importArticles(db.url, [{ file: "grid.txt", raw: original }, { file: "grid-v2.txt", raw: corrected }], {
    batchSize: 1,
    log: () => {
      if (changed) return;
      changed = true;
      const raw = new Database(db.file);
      try {
        change(raw);
      } finally {
        raw.close();
      }
    },
  });
}

describe("the import's text cache", () => {
  it("jaccardSorted is jaccard on sorted arrays", () => {
    const pairs = [["a b c d e f", "a b c d e g"], ["A b, c. D e", "a b c d e"], ["", ""], ["one two three four five six seven", "two three four five six seven eight"]];
    for (const [x, y] of pairs) expect(jaccardSorted(sortedShingles(shingles(x)), sortedShingles(shingles(y)))).toBe(jaccard(shingles(x), shingles(y)));
  });

  it("without other writers, a file almost the same as one stored earlier in the run is reported", async () => {
    const [a, b] = await importArticles(db.url, [{ file: "grid.txt", raw: original }, { file: "grid-v2.txt", raw: corrected }], { batchSize: 1 });
    expect(a).toMatchObject({ status: "imported", slug: "grid" });
    expect(b).toMatchObject({ status: "near-duplicate", of: { slug: "grid", title: "Grid company widens its supply chain" } });
  });

  it("names the title another writer gave the article between two batches", async () => {
    const [, b] = await importWithChange((raw) => raw.prepare(`UPDATE "Article" SET title = 'Grid company, renamed' WHERE slug = 'grid'`).run());
    expect(b).toMatchObject({ status: "near-duplicate", of: { slug: "grid", title: "Grid company, renamed" } });
  });

  it("compares with the text another writer stored between two batches, not the one it kept", async () => {
    // The stored article now holds another text (its band keys are still those of the first one).
    const [, b] = await importWithChange((raw) =>
      raw.prepare(`UPDATE "Article" SET body = ?, "contentHash" = 'changed elsewhere' WHERE slug = 'grid'`).run(words(200, "gamma")),
    );
    expect(b).toMatchObject({ status: "imported", slug: "grid-v2" });
  });
});
