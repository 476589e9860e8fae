// CSV / JSON Lines rows and REFI-QDA files through `npm run import` itself, into a real SQLite
// file holding the seed corpus: progress, summary, exit codes, and a bad row that fails alone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

let db: TempDb;
let prisma: PrismaClient;
let dir: string;
beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  prisma = createPrismaClient(db.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-rows-"));
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...args], {
    cwd: path.join(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
  });

describe("CSV and JSON Lines", () => {
  it("imports 150 rows with a progress bar and a summary; the bad row names its line and the others import", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `"Row ${i}",${i === 120 ? "2023-02-30" : `2023-05-${String((i % 28) + 1).padStart(2, "0")}`},SASAC,,https://example.org/${i},"Paragraph one of row ${i}.\n\nParagraph two."`);
    const file = path.join(dir, "rows.csv");
    fs.writeFileSync(file, `title,date,source,publisher,url,body\n${rows.join("\n")}\n`);
    const run = cli(file);
    expect(run.status).toBe(1); // one row failed
    expect(run.stdout).toContain("[####################..........] 100/150 (100 imported)");
    expect(run.stdout).toContain("] 150/150 (149 imported, 1 failed)");
    // row 120 is the 121st record: the header is line 1 and every row spans 3 lines
    expect(run.stdout).toContain(`${file}:${2 + 120 * 3}: failed, nothing written: date "2023-02-30" must be`);
    expect(run.stdout).toContain("150 file(s): 149 imported, 0 duplicate(s) skipped, 1 failed.");
    const a = await prisma.article.findUniqueOrThrow({ where: { slug: "row-7" }, include: { source: true } });
    expect([a.title, a.dateStart, a.dateBasis, a.source.slug, a.url, a.body, a.codingStatus]).toEqual([
      "Row 7", "2023-05-08", "stated", "sasac", "https://example.org/7", "Paragraph one of row 7.\n\nParagraph two.", "uncoded",
    ]);
    expect(a.dateNote).toBe(`From the date column of ${file}:23 (2023-05-08).`);
    expect(await prisma.article.count({ where: { slug: { startsWith: "row-" } } })).toBe(149);
  });

  it("reads JSON Lines; a header or file that is wrong is refused whole, naming it", () => {
    const file = path.join(dir, "rows.jsonl");
    fs.writeFileSync(file, '{"title":"JSON one","body":"A json body.","publisher":"Xinhua News Agency"}\n{"title":"JSON two"}\n');
    const run = cli(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[1/2] ' + file + ':1: imported as "json-one"');
    expect(run.stdout).toContain(`[2/2] ${file}:2: failed, nothing written: body is missing`);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "headline,text\nA,B\n");
    const before = snapshot(db.file);
    const r2 = cli(bad);
    expect(r2.status).toBe(1);
    expect(r2.stdout).toContain(`${bad}: failed, nothing written: unknown column(s) "headline", "text"`);
    expect(snapshot(db.file)).toBe(before);
  });
});

describe("REFI-QDA files on the command line", () => {
  it("exports, checks with --dry-run (writing nothing), and refuses a bad mapping file", () => {
    const out = path.join(dir, "p.qdpx");
    const exp = spawnSync(process.execPath, [path.join(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs"), "scripts/export-qdpx.ts", "--out", out], {
      cwd: path.join(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: "utf8",
    });
    expect(exp.status).toBe(0);
    expect(exp.stdout).toMatch(/^Wrote .*p\.qdpx from file:.*: 4 code\(s\), \d+ source\(s\), 187 coded selection\(s\)/);
    const before = snapshot(db.file);
    const dry = cli("--dry-run", out);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('code "Reform" -> theme reform (same name)');
    expect(dry.stdout).toMatch(/Dry run, nothing written: .*p\.qdpx: 0 new article\(s\), \d+ already stored, 0 new theme\(s\), 0 passage\(s\) to store, 0 left out/);
    fs.writeFileSync(path.join(dir, "map.json"), '{"Reform": 3}');
    const bad = cli("--codes", path.join(dir, "map.json"), out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('map.json: "Reform" must map to a theme slug or null');
    const notZip = path.join(dir, "x.qdpx");
    fs.writeFileSync(notZip, "not a zip");
    const nz = cli(notZip);
    expect(nz.status).toBe(1);
    expect(nz.stderr).toContain(`${notZip}: not a .qdpx (ZIP) file`);
    expect(snapshot(db.file)).toBe(before);
  }, 180_000); // three command-line runs, each starting tsx: slow on a busy machine
});
