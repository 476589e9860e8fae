// Batched import: files are written in transactions of many files, each file under its own
// savepoint, so a file whose write fails inside a batch leaves nothing of itself behind (not
// even the organization it created before failing) and the files around it still land.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importArticles, type ImportInput } from "@/lib/writes/import";
import type { TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

let db: TempDb;
beforeEach(async () => {
  db = await seededDb(MINI_SEED);
  // A write that fails inside the database, after the file's organization has been stored:
  // the failure the savepoint must undo (the text itself parses fine).
  const raw = new Database(db.file);
  raw.exec(`CREATE TRIGGER "test_refuse" BEFORE INSERT ON "Article" WHEN new.title = 'Refused title'
    BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;`);
  raw.close();
});
afterEach(() => db.cleanup());

const text = (n: number, title: string, source: string): ImportInput => ({
  file: `file-${n}.txt`,
  raw: `${title}\n\nDate: 2022-0${n}-10\n\nSource: ${source}\n\nBody of file ${n}, with words of its own: ${"reform ".repeat(n)}state.\n`,
});
const inputs = (): ImportInput[] => [
  text(1, "First title", "Alpha Works"),
  text(2, "Second title", "Beta Works"),
  text(3, "Refused title", "Gamma Works"), // a new organization, then the article insert fails
  text(4, "Fourth title", "Beta Works"), // the organization file 2 created in the same batch
  text(5, "Fifth title", "Delta Works"),
];

function counts() {
  const raw = new Database(db.file, { readonly: true });
  const one = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
  const out = {
    articles: one(`SELECT COUNT(*) AS n FROM "Article"`),
    themeRows: one(`SELECT COUNT(*) AS n FROM "ArticleTheme"`),
    themes: one(`SELECT COUNT(*) AS n FROM "Theme"`),
    orgs: (raw.prepare(`SELECT slug FROM "Organization" WHERE slug LIKE '%-works' ORDER BY slug`).all() as { slug: string }[]).map((o) => o.slug),
    titles: (raw.prepare(`SELECT title FROM "Article" WHERE slug LIKE 'file-%' ORDER BY slug`).all() as { title: string }[]).map((a) => a.title),
  };
  raw.close();
  return out;
}

describe("a batch with one bad file in the middle", () => {
  it.each([
    ["one batch of five", 200],
    ["batches of two (the bad file opens the second)", 2],
  ])("lands all the others and nothing of the bad one: %s", async (_label, batchSize) => {
    const before = counts();
    const lines: string[] = [];
    const out = await importArticles(db.url, inputs(), { batchSize, log: (l) => lines.push(l) });
    // The run's first line says it fingerprinted the seed's articles; then one line per file.
    expect(lines.shift()).toBe("Fingerprinted 2 stored article(s) for the near-duplicate check.");

    expect(out.map((o) => o.status)).toEqual(["imported", "imported", "failed", "imported", "imported"]);
    expect(out[2]).toEqual({ file: "file-3.txt", status: "failed", reason: "refused by the test trigger" });
    expect(lines[2]).toBe("[3/5] file-3.txt: failed, nothing written: refused by the test trigger");
    const after = counts();
    expect(after.articles).toBe(before.articles + 4);
    expect(after.titles).toEqual(["First title", "Second title", "Fourth title", "Fifth title"]);
    // The bad file's organization was rolled back with it; file 4 reused file 2's.
    expect(after.orgs).toEqual(["alpha-works", "beta-works", "delta-works"]);
    expect(lines[3]).not.toContain("created organization");
    expect(out[3]).toMatchObject({ status: "imported", detected: { source: { slug: "beta-works", isNew: false } } });
    // One zero row per theme for each of the four new, uncoded articles.
    expect(after.themeRows).toBe(before.themeRows + 4 * before.themes);
  });

  it("a file whose text is stored by an earlier file of the same batch is a duplicate, not a failure", async () => {
    const twin = { ...text(1, "First title", "Alpha Works"), file: "file-1-again.txt" };
    const out = await importArticles(db.url, [text(1, "First title", "Alpha Works"), twin]);
    expect(out.map((o) => o.status)).toEqual(["imported", "duplicate"]);
    expect(out[1]).toMatchObject({ of: "file-1" });
  });
});
