// Importing into a real SQLite file that holds the seed corpus.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticles, type ImportInput } from "@/lib/writes/import";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

const FIX = path.join(import.meta.dirname, "../fixtures/import");
const folder = (): ImportInput[] =>
  fs.readdirSync(FIX).sort().map((f) => ({ file: path.join(FIX, f), raw: fs.readFileSync(path.join(FIX, f), "utf8") }));

let db: TempDb;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});

describe("import", () => {
  it("a dry run reports every file and writes nothing", async () => {
    const before = snapshot(db.file);
    const lines: string[] = [];
    const out = await importArticles(db.url, folder(), { dryRun: true, log: (l) => lines.push(l) });
    expect(out.map((o) => o.status)).toEqual(["checked", "checked", "checked", "checked", "checked", "duplicate"]);
    expect(lines.join("\n")).toContain('date:      2024-05-06 (day)  From the publication line "China Minmetals Corporation 2024-05-06".');
    expect(snapshot(db.file)).toBe(before);
  });

  it("stores new texts with their metadata, creates unknown organizations, and skips a repost of a stored text", async () => {
    const lines: string[] = [];
    const out = await importArticles(db.url, folder(), { log: (l) => lines.push(l) });
    expect(out.map((o) => o.status)).toEqual(["imported", "imported", "imported", "imported", "imported", "duplicate"]);
    expect(out[5]).toMatchObject({ status: "duplicate", of: "000-4e479f1f7325fcc2" });
    const a = await prisma.article.findUniqueOrThrow({ where: { slug: "01-minmetals-news" }, include: { source: true, publisher: true, themeStats: true } });
    expect([a.dateStart, a.datePrecision, a.source.slug, a.publisher?.slug, a.wordCount]).toEqual(["2024-05-06", "day", "china-minmetals", "china-minmetals", 26]);
    expect(a.themeStats).toHaveLength(4); // zero rows, so the charts count it
    const xinhua = await prisma.organization.findUniqueOrThrow({ where: { slug: "xinhua-news-agency" } });
    expect(xinhua.name).toBe("Xinhua News Agency");
    expect(lines.join("\n")).toContain('created organization xinhua-news-agency ("Xinhua News Agency"');
    expect(await prisma.article.count()).toBe(10);
  });

  it("stores nothing when the same folder is imported again", async () => {
    const before = snapshot(db.file);
    const out = await importArticles(db.url, folder());
    expect(out.every((o) => o.status === "duplicate")).toBe(true);
    expect(snapshot(db.file)).toBe(before);
  });

  it("writes nothing of a failing file and still imports the others", async () => {
    const inputs: ImportInput[] = [
      { file: "empty.txt", raw: "NEWS\n \n" },
      { file: "good.txt", raw: "A fine title\n\nDate: 2020-01-02\n\nA body that is new.\n" },
    ];
    const out = await importArticles(db.url, inputs);
    expect(out.map((o) => o.status)).toEqual(["failed", "imported"]);
    expect(await prisma.article.findUnique({ where: { slug: "empty" } })).toBeNull();
  });

  it("applies overrides, and gives a second text with a taken slug a new one", async () => {
    const out = await importArticles(db.url, [{ file: "good.txt", raw: "Another title\n\nDifferent words here.\n" }], {
      overrides: { source: "sasac", date: "2020" },
    });
    expect(out[0]).toMatchObject({ status: "imported", slug: "good-2" });
    const a = await prisma.article.findUniqueOrThrow({ where: { slug: "good-2" }, include: { source: true } });
    expect([a.source.slug, a.dateStart, a.dateEnd, a.datePrecision, a.dateNote]).toEqual(["sasac", "2020-01-01", "2020-12-31", "year", "Given on import (--date 2020)."]);
  });
});

describe("the import command", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...args], {
      cwd: path.join(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: "utf8",
    });

  it("prints progress per file and a summary, and exits 0 when nothing failed", () => {
    const run = cli("--dry-run", FIX);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[1/6] ");
    expect(run.stdout).toContain("Dry run, nothing written: 6 file(s): 0 would be imported, 6 duplicate(s), 0 failed.");
  });

  it("exits 1 with a clear message for a bad override or a missing path, writing nothing", () => {
    const before = snapshot(db.file);
    const bad = cli("--date", "someday", path.join(FIX, "05-unseen-layout.txt"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('failed, nothing written: --date "someday" must be YYYY-MM-DD, YYYY-MM, YYYY or "unknown"');
    const missing = cli("no/such/folder");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no/such/folder: no such file or folder");
    expect(snapshot(db.file)).toBe(before);
  });
});
