// Files that are not UTF-8 text, binary, empty once cleaned, too long, or not files at all:
// each is refused with its path and reason, nothing of it is stored, and in a folder the
// other files still import. Organization names in other scripts get slugs of their own.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { importArticles } from "@/lib/writes/import";
import { loadSeed } from "@/lib/corpus/seed";
import { loadAnnotationFiles } from "@/lib/coding/annotation-io";
import { MAX_BODY_CHARS, MAX_BODY_WORDS } from "@/lib/corpus/limits";
import { copySeedDir, snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

const root = path.join(import.meta.dirname, "../..");
let db: TempDb;
let prisma: PrismaClient;
let scratch: string;
beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  prisma = createPrismaClient(db.url);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-bad-"));
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const importCli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
  });

/** 8 KB of bytes from a fixed-seed generator: the "random bytes" of the bug report. */
function randomBytes(n: number): Buffer {
  let s = 12345;
  return Buffer.from(Array.from({ length: n }, () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 16) & 0xff));
}

/** A folder of bad entries, each with the reason the import must give. */
function badFolder(dir: string): [string, RegExp][] {
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "latin1.txt"), Buffer.concat([Buffer.from("A title\n\nCaf"), Buffer.from([0xe9]), Buffer.from(" au lait.\n")]));
  fs.writeFileSync(path.join(dir, "random.txt"), randomBytes(8192));
  fs.writeFileSync(path.join(dir, "controls.txt"), Buffer.from("Title\n\n" + "\u0001\u0002\u0003 x ".repeat(50)));
  fs.writeFileSync(path.join(dir, "furniture.txt"), "NEWS\n \n\u00A0\n");
  fs.mkdirSync(path.join(dir, "sub.txt"));
  fs.symlinkSync(path.join(dir, "nowhere.txt"), path.join(dir, "dangling.txt"));
  return [
    // "Title\n\n" is 7 characters, then 50 x (3 control characters + " x "): 150 of 307
    ["controls.txt", /controls\.txt: failed, nothing written: a binary file, not text \(150 of 307 characters are control characters\)/],
    ["dangling.txt", /dangling\.txt: failed, nothing written: a symbolic link to a missing file \(.*nowhere\.txt\)/],
    ["furniture.txt", /furniture\.txt: failed, nothing written: no body text is left once boilerplate is removed/],
    ["latin1.txt", /latin1\.txt: failed, nothing written: not valid UTF-8: byte 0xE9 at byte offset 12 \(save the file as UTF-8\)/],
    ["random.txt", /random\.txt: failed, nothing written: a binary file, not text \(NUL byte at byte offset \d+\)/],
    ["sub.txt", /sub\.txt: failed, nothing written: a folder, not a file/],
  ];
}

describe("the import refuses bad files", () => {
  it("fails each bad entry of a folder with its path and reason, and stores nothing", () => {
    const dir = path.join(scratch, "bad");
    const expected = badFolder(dir);
    const before = snapshot(db.file);
    const run = importCli(dir);
    expect(run.status).toBe(1);
    for (const [, message] of expected) expect(run.stdout).toMatch(message);
    expect(run.stdout).toContain("6 file(s): 0 imported, 0 duplicate(s) skipped, 6 failed.");
    expect(snapshot(db.file)).toBe(before);
  });

  it("still imports the good files of a folder that holds bad ones", async () => {
    const dir = path.join(scratch, "mixed");
    badFolder(dir);
    fs.writeFileSync(path.join(dir, "good.txt"), "A good title\n\nDate: 2019-03-03\n\nA body that is fine.\n");
    const orgsBefore = await prisma.organization.count();
    const run = importCli(dir);
    expect(run.status).toBe(1); // some failed
    expect(run.stdout).toContain("7 file(s): 1 imported, 0 duplicate(s) skipped, 6 failed.");
    const good = await prisma.article.findUniqueOrThrow({ where: { slug: "good" }, include: { publisher: true } });
    // The Date: line is the date, and neither a publisher nor an organization called "Date:"
    expect([good.dateStart, good.datePrecision, good.dateNote, good.publisher]).toEqual(["2019-03-03", "day", 'From the date line "Date: 2019-03-03".', null]);
    expect(await prisma.organization.findFirst({ where: { name: { startsWith: "Date" } } })).toBeNull();
    expect(await prisma.organization.count()).toBe(orgsBefore + 1); // "Unknown source", nothing else
  });

  it("refuses an article over the size limits, naming the limit, and stores nothing", async () => {
    const before = snapshot(db.file);
    const long = `Long\n\n${"word ".repeat(MAX_BODY_CHARS / 5 + 1)}`;
    const many = `Many\n\n${"a ".repeat(MAX_BODY_WORDS + 1)}`;
    const out = await importArticles(db.url, [
      { file: "long.txt", raw: long },
      { file: "many.txt", raw: many },
    ]);
    expect(out).toEqual([
      { file: "long.txt", status: "failed", reason: "the cleaned text is 2,000,004 characters long, over the limit of 2,000,000" },
      { file: "many.txt", status: "failed", reason: "the cleaned text has 300,001 words, over the limit of 300,000" },
    ]);
    expect(snapshot(db.file)).toBe(before);
  });
});

describe("organizations named in other scripts", () => {
  const file = (name: string, source: string) => ({ file: `${name}.txt`, raw: `${name} title\n\nDate: 2020-01-01\n\nBody of ${name}.\n\nSource: ${source}` });

  it("get distinct stable slugs, and the same name finds the organization already stored", async () => {
    const out = await importArticles(db.url, [file("cjk-a", "中国五矿集团"), file("cjk-b", "中国中铁"), file("cjk-c", "中国五矿集团")]);
    expect(out.map((o) => o.status)).toEqual(["imported", "imported", "imported"]);
    const sources = await prisma.article.findMany({
      where: { slug: { in: ["cjk-a", "cjk-b", "cjk-c"] } },
      orderBy: { slug: "asc" },
      select: { source: { select: { slug: true, name: true } } },
    });
    const [a, b, c] = sources.map((s) => s.source);
    expect(a.name).toBe("中国五矿集团");
    expect(a.slug).toMatch(/^org-[0-9a-f]{8}$/);
    expect(b).toMatchObject({ name: "中国中铁", slug: expect.stringMatching(/^org-[0-9a-f]{8}$/) });
    expect(b.slug).not.toBe(a.slug);
    expect(c).toEqual(a); // the same organization, not a new one
    expect(await prisma.organization.count({ where: { name: "中国五矿集团" } })).toBe(1);
  });

  it("a new name whose slug another organization holds gets the next free slug", async () => {
    await prisma.organization.create({ data: { slug: "cafe-group", name: "Cafe Group", kind: "other", aliases: "[]" } });
    const [out] = await importArticles(db.url, [file("accent", "Café Group")]);
    expect(out).toMatchObject({ status: "imported", createdOrgs: [expect.stringMatching(/^cafe-group-2 \("Café Group"/)] });
  });
});

describe("the seed and the annotation load refuse bad files", () => {
  it("the seed names a text file that is not UTF-8, with the byte offset, and writes nothing", () => {
    const dir = copySeedDir(MINI_SEED);
    fs.writeFileSync(path.join(dir, "articles/beta_002.txt"), Buffer.from([0x42, 0x65, 0x74, 0x61, 0x0a, 0x0a, 0xff, 0x0a]));
    fs.writeFileSync(path.join(dir, "codebook.json"), Buffer.from([0x00, 0x7b]));
    const before = snapshot(db.file);
    const result = loadSeed(dir);
    expect(result.ok).toBe(false);
    const text = result.ok ? "" : result.errors.join("\n");
    expect(text).toMatch(/articles\[1\] \(beta_002\.txt\): text file .*beta_002\.txt: not valid UTF-8: byte 0xFF at byte offset 6/);
    expect(text).toMatch(/codebook\.json: \(file\): a binary file, not text \(NUL byte at byte offset 0\)/);
    expect(snapshot(db.file)).toBe(before);
    fs.rmSync(dir, { recursive: true });
  });

  it("the annotation load names a file that is not UTF-8 and changes nothing", async () => {
    const bad = path.join(scratch, "alpha-001.json");
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('{"article":"alpha-001","annotations":[{"themes":["reform"],"quote":"R'), Buffer.from([0xe9]), Buffer.from('form"}]}')]));
    const before = snapshot(db.file);
    const result = await loadAnnotationFiles(prisma, [bad, path.join(scratch, "sub-folder")]);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toMatch(/alpha-001\.json: \(file\): not valid UTF-8: byte 0xE9 at byte offset 69/);
    expect(errors[1]).toMatch(/sub-folder: \(file\): file is missing/);
    expect(snapshot(db.file)).toBe(before);
  });
});
