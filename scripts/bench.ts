// npm run bench: the dashboard's queries on a synthetic corpus of 100,000 articles
// (400,000 article x theme rows, 200,000 passages) in a temporary SQLite file. Prints the
// median time of each query and the process's peak memory, and fails when a target is missed.
// Run with the react-server condition (see package.json) so the app's query modules load as
// they do inside Next.js.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = 5;
/** Targets in milliseconds at 100,000 articles, on the 2-core CI machine. */
const TARGETS_MS: Record<string, number> = {
  "timeline (quarter, share)": 1500,
  "timeline (month, one theme, one source)": 1500,
  "by source": 1500,
  summary: 1000,
  "drill-down (first 200 passages)": 1000,
  // 400,000 rows through Prisma and csv-stringify: ~4 s query, ~3 s CSV (see README, Performance)
  "article x theme base (export)": 10000,
};
const PEAK_RSS_MB = 768;

function buildDatabase(file: string) {
  const db = new Database(file);
  const migrations = path.join(import.meta.dirname, "../prisma/migrations");
  for (const m of fs.readdirSync(migrations).filter((d) => /^\d+_/.test(d)).sort()) {
    db.exec(fs.readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const themes = ["innovation", "supply-chain-security", "party-building", "reform"];
  const insert = db.transaction(() => {
    db.prepare(`INSERT INTO "Codebook" (id, version) VALUES (1, 'bench')`).run();
    const theme = db.prepare(`INSERT INTO "Theme" (slug, name, definition, cues, boundaries, colour, "order") VALUES (?, ?, '', '[]', '[]', '#000000', ?)`);
    themes.forEach((t, i) => theme.run(t, t, i + 1));
    const org = db.prepare(`INSERT INTO "Organization" (slug, name, kind) VALUES (?, ?, 'enterprise')`);
    for (let i = 1; i <= 20; i++) org.run(`org-${i}`, `Organization ${i}`);
    const article = db.prepare(
      `INSERT INTO "Article" (slug, title, body, "wordCount", "contentHash", "dateStart", "dateEnd", "datePrecision", "dateNote", "dateBasis", "codingStatus", "sourceId", "publisherId") VALUES (?, ?, '', ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
    );
    const stat = db.prepare(`INSERT INTO "ArticleTheme" ("articleId", "themeId", "taggedWords", passages) VALUES (?, ?, ?, ?)`);
    const passage = db.prepare(`INSERT INTO "Annotation" ("articleId", "themeId", start, "end", quote, annotator) VALUES (?, ?, 0, 40, 'a synthetic passage of about forty chars', 'bench')`);
    const mention = db.prepare(`INSERT INTO "ArticleMention" ("articleId", "organizationId") VALUES (?, ?)`);
    for (let id = 1; id <= ARTICLES; id++) {
      const r = rand();
      const y = 2013 + Math.floor(rand() * 12);
      const m = 1 + Math.floor(rand() * 12);
      const d = 1 + Math.floor(rand() * 28);
      const pad = (n: number) => String(n).padStart(2, "0");
      const [precision, start, end] =
        r < 0.9 ? ["day", `${y}-${pad(m)}-${pad(d)}`, `${y}-${pad(m)}-${pad(d)}`] : r < 0.95 ? ["year", `${y}-01-01`, `${y}-12-31`] : ["unknown", null, null];
      const words = 300 + Math.floor(rand() * 2700);
      // Most articles coded, some reviewed, 5% not yet coded (left out of every figure); 2% of dates inferred.
      const c = rand();
      const status = c < 0.85 ? "coded" : c < 0.95 ? "reviewed" : c < 0.98 ? "uncoded" : "in-progress";
      const basis = start === null ? null : rand() < 0.02 ? "inferred" : "stated";
      article.run(`a-${id}`, `Article ${id}`, words, `h${id}`, start, end, precision, basis, status, 1 + Math.floor(rand() * 20), 1 + Math.floor(rand() * 20));
      mention.run(id, 1 + Math.floor(rand() * 20));
      for (let t = 1; t <= 4; t++) {
        const passages = rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 4);
        stat.run(id, t, passages ? Math.min(words, passages * 30) : 0, passages);
        if (passages && t <= 2) passage.run(id, t);
      }
    }
  });
  insert();
  db.close();
}

/** `--db FILE`: build the synthetic database at FILE and keep it (e.g. for `npm run load -- --db FILE`). */
function keptDbPath(): string | undefined {
  const at = process.argv.indexOf("--db");
  if (at < 0) return undefined;
  const file = process.argv[at + 1];
  if (!file) throw new Error("--db needs a file name");
  if (fs.existsSync(file)) throw new Error(`${file} exists already; give a new file name`);
  return path.resolve(file);
}

async function main() {
  const kept = keptDbPath();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-bench-"));
  const file = kept ?? path.join(dir, "bench.db");
  const t0 = performance.now();
  buildDatabase(file);
  console.log(`Built ${ARTICLES.toLocaleString("en")} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB)`);
  process.env.DATABASE_URL = `file:${file}`;
  const q = await import("../lib/queries/analytics");
  const { parseFilters } = await import("../lib/filters/schema");
  const { csvRows } = await import("../lib/http/csv");
  const { articleThemeRows } = await import("../lib/http/exports");
  const f = (query: string) => {
    const r = parseFilters(new URLSearchParams(query));
    if (!r.ok) throw new Error(query);
    return r.value;
  };
  const cases: [string, () => Promise<unknown>][] = [
    ["timeline (quarter, share)", () => q.getTimeline(f(""))],
    ["timeline (month, one theme, one source)", () => q.getTimeline(f("granularity=month&theme=reform&org=org-3"))],
    ["by source", () => q.getBySource(f("metric=articles"))],
    ["summary", () => q.getSummary(f(""))],
    ["drill-down (first 200 passages)", () => q.getPassages(f(""), { kind: "period", period: "2020-Q2", theme: "innovation" }, 200)],
    [
      "article x theme base (export)",
      async () => {
        // As the CSV route does: stream batches through the CSV writer, keep nothing.
        let bytes = 0;
        for await (const batch of q.iterateArticleThemeRows(f(""))) bytes += csvRows(articleThemeRows(batch)).length;
        return bytes;
      },
    ],
  ];
  let failed = 0;
  let peak = process.memoryUsage().rss;
  for (const [name, run] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await run();
      times.push(performance.now() - s);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const target = TARGETS_MS[name];
    const ok = ARTICLES < 100_000 || median <= target;
    if (!ok) failed++;
    console.log(`${ok ? "ok  " : "SLOW"} ${name.padEnd(42)} ${median.toFixed(0).padStart(6)} ms  (target ${target} ms)`);
  }
  const peakMb = peak / 2 ** 20;
  const memOk = peakMb <= PEAK_RSS_MB;
  if (!memOk) failed++;
  console.log(`${memOk ? "ok  " : "BIG "} ${"peak resident memory".padEnd(42)} ${peakMb.toFixed(0).padStart(6)} MiB (target ${PEAK_RSS_MB} MiB)`);
  if (process.env.BENCH_KEEP || kept) console.log(`Kept ${file}`);
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${cases.length + 1 - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
