// Import throughput: N generated .txt articles through the project's import CLI
// (`npm run import`, run here as `tsx scripts/import.ts`, what the npm script runs), against
//   - the same CLI with --dry-run: start-up, reading, cleaning, detection and the duplicate check,
//     everything but the writes (the import's own parsing cost), and
//   - a floor: the same files parsed in this process (detectArticle, as the import does) and
//     inserted with raw better-sqlite3 prepared statements in one transaction.
// Each run gets its own copy of the seeded database. The CLI's start-up (tsx, Prisma client) is
// timed with --help and taken off both CLI times for the ratio.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { detectArticle } from "../../lib/corpus/detect";
import type { KnownOrg } from "../../lib/corpus/orgs";
import { periodOf } from "../../lib/measure/dates";
import { seeded } from "./random";

const ROOT = path.join(import.meta.dirname, "../..");

const SOURCES = ["SASAC", "China Minmetals", "China Resources Group", "State Council of the People's Republic of China", "Aero Engine Corporation of China (AECC)"];
const SENTENCES = [
  "Central state-owned enterprises should fully grasp and implement the important instructions on reform and development.",
  "The group will accelerate breakthroughs in key core technologies and raise its capacity for innovation.",
  "Industrial and supply chains must be kept stable and secure, and energy and resource security ensured.",
  "Party building is to be integrated with production and operation at every level of the enterprise.",
  "The meeting reviewed the work of the past year and set out the main tasks for the year ahead.",
  "Mixed-ownership reform brought strategic investors into four subsidiaries of the group.",
  "Officials from the relevant departments attended the meeting, which was broadcast to every branch.",
  "Risk prevention and control were named among the priorities, together with safety in production.",
];

/** Write `n` plain-text articles (about 400 words each, with title, source and date lines) into `dir`. */
export function writeArticles(dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const rand = seeded(7);
  const pad = (x: number) => String(x).padStart(2, "0");
  for (let i = 1; i <= n; i++) {
    const y = rand.int(2015, 2024);
    const date = `${y}-${pad(rand.int(1, 12))}-${pad(rand.int(1, 28))}`;
    const paragraphs = Array.from({ length: 6 }, (_, p) =>
      Array.from({ length: 4 }, (_, s) => (p === 0 && s === 0 ? `Report number ${i} of the synthetic corpus opens here.` : rand.pick(SENTENCES))).join(" "),
    );
    const text = [`Synthetic report ${i} on the work of the enterprise in ${y}`, "", `Source: ${rand.pick(SOURCES)}`, `Date: ${date}`, "", ...paragraphs.flatMap((p) => [p, ""])].join("\n");
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(5, "0")}.txt`), text);
  }
}

function runCli(args: string[], dbFile: string): Promise<{ ms: number; code: number; tail: string }> {
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [tsx, "scripts/import.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${dbFile}` }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-4000));
    p.stdout?.on("data", keep);
    p.stderr?.on("data", keep);
    p.on("exit", (code) => resolve({ ms: performance.now() - t0, code: code ?? 1, tail: out }));
  });
}

export type ImportResult = {
  files: number;
  startupMs: number;
  dryRunMs: number;
  importMs: number;
  floorParseMs: number;
  floorInsertMs: number;
  imported: number;
};

/** `seedDb` is a seeded database file, copied for every run; `work` a scratch folder. */
export async function importThroughput(seedDb: string, work: string, files: number): Promise<ImportResult> {
  const dir = path.join(work, "articles");
  writeArticles(dir, files);
  const copy = (name: string) => {
    const f = path.join(work, name);
    fs.copyFileSync(seedDb, f);
    return f;
  };
  const startup = await runCli(["--help"], copy("startup.db"));
  const dry = await runCli(["--dry-run", dir], copy("dry.db"));
  if (dry.code !== 0) throw new Error(`import --dry-run failed:\n${dry.tail}`);
  const importDb = copy("import.db");
  const imp = await runCli([dir], importDb);
  if (imp.code !== 0) throw new Error(`import failed:\n${imp.tail}`);
  const check = new Database(importDb, { readonly: true });
  const imported = (check.prepare(`SELECT COUNT(*) AS n FROM "Article" WHERE slug LIKE 'report-%'`).get() as { n: number }).n;
  check.close();

  // The floor: parse as the import does, then raw inserts in one transaction.
  const db = new Database(copy("floor.db"));
  const t0 = performance.now();
  const orgRows = db.prepare(`SELECT id, slug, name, aliases FROM "Organization"`).all() as { id: number; slug: string; name: string; aliases: string }[];
  const orgs: KnownOrg[] = orgRows.map((o) => ({ slug: o.slug, name: o.name, aliases: JSON.parse(o.aliases) as string[] }));
  const parsed = fs
    .readdirSync(dir)
    .sort()
    .map((f) => detectArticle(f, fs.readFileSync(path.join(dir, f), "utf8"), orgs));
  const t1 = performance.now();
  const ids = new Map(orgRows.map((o) => [o.slug, o.id]));
  const orgInsert = db.prepare(`INSERT INTO "Organization" (slug, name, kind, aliases) VALUES (?, ?, 'other', ?)`);
  const orgId = (o: { slug: string; name: string }) => ids.get(o.slug) ?? ids.set(o.slug, Number(orgInsert.run(o.slug, o.name, JSON.stringify([o.name])).lastInsertRowid)).get(o.slug)!;
  const themes = (db.prepare(`SELECT id FROM "Theme"`).all() as { id: number }[]).map((t) => t.id);
  const article = db.prepare(
    `INSERT INTO "Article" (slug, title, body, "wordCount", "contentHash", "dateStart", "dateEnd", "datePrecision", "dateNote", "dateBasis", "codingStatus", "sourceId", "publisherId", attribution, url)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'uncoded', ?, ?, ?, ?)`,
  );
  const stat = db.prepare(`INSERT INTO "ArticleTheme" ("articleId", "themeId", coder, "taggedWords", passages) VALUES (?, ?, 'consensus', 0, 0)`);
  db.transaction(() => {
    for (const d of parsed) {
      if (d.errors.length) throw new Error(`${d.file}: ${d.errors.join("; ")}`);
      const p = d.date ? periodOf(d.date, d.precision) : null;
      const period = p && typeof p !== "string" ? p : { start: null, end: null };
      const id = Number(
        article.run(d.slug, d.title, d.body, d.wordCount, d.contentHash, period.start, period.end, d.precision, d.dateNote, d.dateBasis,
          orgId(d.source), d.publisher ? orgId(d.publisher) : null, d.attribution, d.url).lastInsertRowid,
      );
      for (const t of themes) stat.run(id, t);
    }
  })();
  const t2 = performance.now();
  db.close();
  return { files, startupMs: startup.ms, dryRunMs: dry.ms, importMs: imp.ms, floorParseMs: t1 - t0, floorInsertMs: t2 - t1, imported };
}
