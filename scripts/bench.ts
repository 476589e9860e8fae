// npm run bench [-- --articles 1000000] [--db FILE] ...: the app measured against the floor.
// Builds a synthetic corpus in the project's own schema (scripts/bench/corpus.ts), serves it with
// the production server, and for every dashboard request and export reports the median and p95
// end to end over HTTP beside the floor for the same answer in the same run (raw better-sqlite3 on
// the rollup table, on the naive join; raw iterate-and-stringify for exports), with the ratios;
// the server's memory during the exports; first-load JavaScript and Lighthouse; import
// throughput. Targets are ratios (issue 11); exits 1 when one is missed. See README, Performance.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { buildCorpus, describeCorpus } from "./bench/corpus";
import { chartCases, type Floor } from "./bench/floors";
import { articleThemesFloor, passagesFloor, type CsvFloorResult } from "./bench/csv-floor";
import { BARE_PAGE_DIR, ensureBarePageBuild, ensureBuild, request, startServer, type Server } from "./bench/server";
import { firstLoadJs, type PageWeight } from "./bench/page-weight";
import { lighthouse, lighthouseAvailable, lighthouseInTurn, type LighthouseResult } from "./bench/lighthouse";
import { importThroughput, type ImportResult } from "./bench/import-throughput";
import { compareAnswer } from "./bench/answers";
import { markdownTable, median, ms, percentile, ratio } from "./bench/stats";

const USAGE = `Usage: npm run bench -- [options]

  --articles N        synthetic corpus size (default 100000)
  --db FILE           build the corpus at FILE and keep it (FILE must not exist)
  --reuse FILE        measure a corpus kept before with --db, without rebuilding it (--articles is then its size)
  --runs N            timed runs per chart request, after warm-up (default 15)
  --export-runs N     timed runs per export (default 3)
  --naive-runs N      runs of the naive-join floor per request (default 3)
  --port N            port of the production server on the corpus (default 3312; the seeded one uses N+1,
                      the bare Next.js page Lighthouse measures beside it N+2)
  --import-files N    generated files for the import throughput (default 2000)
  --lighthouse-runs N Lighthouse runs per page, the median run reported (default 3: one run varies by
                      +-0.05 here; for an even N the lower middle run);
                      the seeded dashboard and the bare reference page take turns
  --rollups MODE      rebuild (default: insert, then recompute the rollups set-based) or triggers
                      (the schema's triggers maintain them on every insert; slower to build, same tables)
  --skip LIST         leave out parts: exports,import,lighthouse,seeded (comma-separated)
  --out FILE          also write the markdown report to FILE
  --json FILE         also write every figure as JSON to FILE
  -h, --help          this text`;

/** Requests of each chart request before its timed runs (see the warm-up below). */
const WARM_UP_REQUESTS = 30;

/** Targets (issue 11). */
const TARGETS = {
  chartRatio: 5, // project <= 5 x rollup floor + HTTP overhead
  naiveSpeedup: 50, // naive join / project >= 50, at 1M articles
  naiveAtArticles: 1_000_000,
  exportRatio: 2, // export <= 2 x its raw iterate-and-stringify floor
  exportFirstByteMs: 1000, // "starts within a second" at 1M
  exportMemoryMb: 100, // server memory during exports no more than 100 MB above idle
  pageMs: 1000, // "the dashboard page in well under a second"
  firstLoadKb: 274, // bare Next.js + one Recharts chart, gzip
  lighthouse: 0.95, // seeded dashboard, mobile
  importRatio: 2, // import <= 2 x its own parsing cost
};

/** A Lighthouse result on one line of the report. */
const lhLine = (r: LighthouseResult): string =>
  `${r.score.toFixed(2)} (LCP ${ms(r.lcpMs)}, TBT ${ms(r.tbtMs)}, CLS ${r.cls.toFixed(3)}; runs ${r.runs.map((x) => x.toFixed(2)).join(", ")})`;

/** The trivial route the HTTP overhead is measured on. */
const TRIVIAL_ROUTE = "/api/health";

/** `trivial`: the trivial route, timed beside each run of the request, so both see the same machine load. */
type Row = { name: string; path: string; http: number[]; rollup: number[]; naive: number[]; trivial: number[] };
type ExportRow = { name: string; path: string; http: number[]; firstByte: number[]; bytes: number; floor: CsvFloorResult[] };
type Check = { what: string; ok: boolean; detail: string };

function time(f: Floor, db: Database.Database): number {
  const t = performance.now();
  f(db);
  return performance.now() - t;
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        articles: { type: "string", default: "100000" },
        db: { type: "string" },
        reuse: { type: "string" },
        runs: { type: "string", default: "15" },
        "export-runs": { type: "string", default: "3" },
        "naive-runs": { type: "string", default: "3" },
        port: { type: "string", default: "3312" },
        "import-files": { type: "string", default: "2000" },
        "lighthouse-runs": { type: "string", default: "3" },
        skip: { type: "string", default: "" },
        rollups: { type: "string", default: "rebuild" },
        out: { type: "string" },
        json: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const int = (name: keyof typeof values, min: number): number => {
    const v = Number(String(values[name]).replace(/[_,]/g, ""));
    if (!Number.isInteger(v) || v < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${values[name]}"`);
    return v;
  };
  let articles = int("articles", 100);
  const runs = int("runs", 1);
  const exportRuns = int("export-runs", 1);
  const naiveRuns = int("naive-runs", 1);
  const port = int("port", 1024);
  const importFiles = int("import-files", 1);
  const lighthouseRuns = int("lighthouse-runs", 1);
  const skip = new Set(values.skip.split(",").map((s) => s.trim()).filter(Boolean));
  for (const s of skip) if (!["exports", "import", "lighthouse", "seeded"].includes(s)) throw new UsageError(`--skip: unknown part "${s}"`);
  if (!["rebuild", "triggers"].includes(values.rollups)) throw new UsageError(`--rollups must be rebuild or triggers, got "${values.rollups}"`);
  const kept = values.db ? path.resolve(values.db) : undefined;
  if (kept && fs.existsSync(kept)) throw new UsageError(`${values.db} exists already; give a new file name (the benchmark never overwrites a database)`);
  const reused = values.reuse ? path.resolve(values.reuse) : undefined;
  if (reused && kept) throw new UsageError("--db builds a new corpus, --reuse measures one built before: give one of them");
  if (reused && !fs.existsSync(reused)) throw new UsageError(`--reuse: ${values.reuse} does not exist`);

  const log = (line: string) => console.log(line);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-bench-"));
  const checks: Check[] = [];
  const check = (what: string, ok: boolean, detail: string) => checks.push({ what, ok, detail });
  const servers: Server[] = [];
  try {
    const file = reused ?? kept ?? path.join(work, "bench.db");
    if (reused) log(`Measuring the corpus kept in ${file} ...`);
    else log(`Building ${articles.toLocaleString("en")} synthetic articles in ${file} ...`);
    const corpus = reused ? describeCorpus(file) : await buildCorpus({ file, articles, log, rollups: values.rollups === "triggers" ? "triggers" : "rebuild" });
    articles = corpus.articles;
    log(
      `${reused ? "Read" : "Built"} in ${corpus.seconds.toFixed(1)} s: ${corpus.articleThemes.toLocaleString("en")} article x theme rows, ${corpus.passages.toLocaleString("en")} passages, ` +
        `${corpus.secondCoderArticles.toLocaleString("en")} articles with a second coder, ${(corpus.bytes / 2 ** 20).toFixed(0)} MiB; rollups: ${corpus.rollups} ` +
        `(${corpus.rows.themeRollup.toLocaleString("en")} ThemeRollup rows, ${corpus.rows.mentionRollup.toLocaleString("en")} MentionRollup, ${corpus.rows.themeFact.toLocaleString("en")} ThemeFact); stored passage words: ${corpus.passageWords ? "yes" : "no"}`,
    );

    await ensureBuild(log);
    const server = await startServer({ file, port, log });
    servers.push(server);
    const db = new Database(file, { readonly: true });
    const hasRollup = corpus.rollups !== "absent";

    // HTTP overhead: a trivial route (/api/health: the same server, proxy and route-handler
    // machinery as the chart routes, no work of its own), beside a static file for reference.
    const timeOf = async (p: string) => {
      const t: number[] = [];
      for (let i = 0; i < 3; i++) await request(port, p);
      for (let i = 0; i < runs * 2; i++) t.push((await request(port, p)).ms);
      return t;
    };
    const trivial = await timeOf(TRIVIAL_ROUTE);
    const staticFile = await timeOf("/icon.svg");
    const overhead = median(trivial);
    log(`HTTP overhead (${TRIVIAL_ROUTE}): median ${ms(overhead)}, p95 ${ms(percentile(trivial, 95))}; a static file (/icon.svg): ${ms(median(staticFile))}`);

    const rows: Row[] = [];
    const themeSlug = new Map(corpus.themes.map((t) => [t.id, t.slug]));
    const orgSlug = new Map((db.prepare(`SELECT id, slug FROM "Organization"`).all() as { id: number; slug: string }[]).map((o) => [o.id, o.slug]));
    const names = { theme: (id: number) => themeSlug.get(id) ?? `theme ${id}`, source: (id: number) => orgSlug.get(id) ?? `org ${id}` };
    for (const c of chartCases(corpus)) {
      // Warm-up: enough requests for its route's code to be about as warm as the trivial route's,
      // which runs beside every request (on fresh servers at 1M, by-source and metric=articles
      // took 2.5 to 4.0 ms more than the trivial route after 2 warm-up requests, 2.2 to 2.8 ms
      // after 30, median of 15, two servers each). The first answer is checked against the floors.
      for (let i = 0; i < WARM_UP_REQUESTS; i++) {
        const r = await request(port, c.path, { keepBody: i === 0 });
        if (r.status !== 200) throw new Error(`GET ${c.path}: HTTP ${r.status} ${r.body?.slice(0, 500) ?? ""}`);
        if (i === 0 && c.kind !== "page") {
          // The same answer: the request's sums against the naive join's, and the rollup floor's.
          const json: unknown = JSON.parse(r.body!);
          const naiveDiff = compareAnswer(json, c.naive(db) as unknown[][], names, c.kind);
          check(`${c.name}: the request's sums equal the naive join's`, naiveDiff.length === 0, naiveDiff.join("; ") || "equal");
          if (hasRollup) {
            const rollupDiff = compareAnswer(json, c.rollup(db) as unknown[][], names, c.kind);
            check(`${c.name}: the request's sums equal the rollup floor's`, rollupDiff.length === 0, rollupDiff.join("; ") || "equal");
            if (c.names) {
              const got = (json as { periods: { inferred: { slug: string }[] }[] }).periods.flatMap((p) => p.inferred.map((a) => a.slug));
              const want = c.names(db);
              const same = got.length === want.length && got.every((x, k) => x === want[k]);
              check(`${c.name}: the request names the floor's articles of inferred date`, same, same ? `equal (${got.length})` : `request ${got.length} names, floor ${want.length}; first differing: ${got.find((x, k) => x !== want[k]) ?? "-"}`);
            }
          }
        }
      }
      if (hasRollup) c.rollup(db);
      const floorOf = (db: Database.Database) => {
        c.rollup(db);
        c.names?.(db);
      };
      const row: Row = { name: c.name, path: c.path, http: [], rollup: [], naive: [], trivial: [] };
      // Interleaved, so the server, its floors and the trivial route see the same machine load;
      // the request and the trivial route take turns going first, because the first request
      // after the floors finds the server cold (after a pause of 100 ms, by-source took 2.3 ms
      // more than the trivial route right after it; taking turns, 1.3 ms, as with no pause).
      const timed = async (p: string, into: number[]) => into.push((await request(port, p)).ms);
      for (let i = 0; i < runs; i++) {
        if (i % 2 === 0) {
          await timed(c.path, row.http);
          await timed(TRIVIAL_ROUTE, row.trivial);
        } else {
          await timed(TRIVIAL_ROUTE, row.trivial);
          await timed(c.path, row.http);
        }
        if (hasRollup) row.rollup.push(time(floorOf, db));
        if (i < naiveRuns) row.naive.push(time(c.naive, db));
      }
      rows.push(row);
      log(`  ${c.name}: ${ms(median(row.http))}, p95 ${ms(percentile(row.http, 95))} (rollup floor ${ms(median(row.rollup))}, naive ${ms(median(row.naive))}, ${TRIVIAL_ROUTE} beside it ${ms(median(row.trivial))})`);
    }

    // Exports, with the server's memory: idle first, then the peak while they run.
    const exportsOut: ExportRow[] = [];
    let idleMb = server.rssMb();
    let peakMb = NaN;
    if (!skip.has("exports")) {
      await new Promise((r) => setTimeout(r, 1000));
      idleMb = server.rssMb();
      const reset = server.resetPeak();
      // Each process of the server's tree at the points the peak could come from, so that a
      // peak can be traced to a process and to anonymous (heap) or file-backed memory.
      const memLine = (when: string) => {
        const line = `    memory ${when}: ` + server.processes().map((p) => `pid ${p.pid} (${p.command}) rss ${p.rssMb.toFixed(0)} peak ${p.peakMb.toFixed(0)} anon ${p.anonMb.toFixed(0)} file ${p.fileMb.toFixed(0)} MiB`).join("; ");
        log(line);
        // Also into a server log being kept (scripts/bench/server.ts), to place its lines.
        if (process.env.BENCH_SERVER_LOG) fs.appendFileSync(process.env.BENCH_SERVER_LOG, `${line}\n`);
      };
      memLine("idle, after the peak's reset");
      let sampled = idleMb;
      const sampler = setInterval(() => (sampled = Math.max(sampled, server.rssMb())), 50);
      const exports: [string, string, () => CsvFloorResult][] = [
        ["article-themes.csv", "/api/export/article-themes.csv", () => articleThemesFloor(db)],
        ["passages.csv", "/api/export/passages.csv", () => passagesFloor(db, corpus.passageWords)],
      ];
      for (const [name, p, floor] of exports) {
        const row: ExportRow = { name, path: p, http: [], firstByte: [], bytes: 0, floor: [] };
        // Warm-up where it is cheap; at a million articles one export takes long enough to warm itself.
        if (articles <= 200_000) {
          const warm = await request(port, p);
          if (warm.status !== 200) throw new Error(`GET ${p}: HTTP ${warm.status}`);
        }
        for (let i = 0; i < exportRuns; i++) {
          const r = await request(port, p);
          if (r.status !== 200) throw new Error(`GET ${p}: HTTP ${r.status}`);
          row.http.push(r.ms);
          row.firstByte.push(r.firstByteMs);
          row.bytes = r.bytes;
          memLine(`after ${name} run ${i + 1}`);
          row.floor.push(floor());
        }
        exportsOut.push(row);
        log(`  ${name}: ${ms(median(row.http))}, first byte ${ms(median(row.firstByte))} (floor ${ms(median(row.floor.map((f) => f.ms)))}, ${row.floor[0].rows.toLocaleString("en")} rows)`);
      }
      clearInterval(sampler);
      peakMb = Math.max(sampled, reset ? server.peakMb() : 0);
      log(`    memory peak: sampled resident ${sampled.toFixed(0)} MiB, summed per-process peak ${reset ? server.peakMb().toFixed(0) : "-"} MiB`);
    }

    const weight = await firstLoadJs(port, "/");
    let lhBench: LighthouseResult | undefined;
    const canLighthouse = !skip.has("lighthouse") && lighthouseAvailable();
    const lighthouseErrors: string[] = [];
    const tryLighthouse = async (url: string) => {
      try {
        return await lighthouse(url, lighthouseRuns);
      } catch (e) {
        lighthouseErrors.push(`${url}: ${(e as Error).message.slice(0, 300)}`);
        return undefined;
      }
    };
    if (canLighthouse) lhBench = await tryLighthouse(`http://127.0.0.1:${port}/`);
    db.close();
    await server.stop();
    servers.pop();

    // The seeded dashboard (the project's own seeds, set up as `npm start` does), and import throughput from it.
    let seededWeight: PageWeight | undefined;
    let lhSeeded: LighthouseResult | undefined;
    let lhBare: LighthouseResult | undefined;
    let imp: ImportResult | undefined;
    if (!skip.has("seeded") || !skip.has("import")) {
      const seedDb = path.join(work, "seeded.db");
      execFileSync(process.execPath, [path.join(import.meta.dirname, "../node_modules/tsx/dist/cli.mjs"), "scripts/db-setup.ts"], {
        cwd: path.join(import.meta.dirname, ".."),
        env: { ...process.env, DATABASE_URL: `file:${seedDb}` },
        stdio: "ignore",
      });
      if (!skip.has("seeded")) {
        const served = path.join(work, "seeded-served.db");
        fs.copyFileSync(seedDb, served);
        const seeded = await startServer({ file: served, port: port + 1, log });
        servers.push(seeded);
        seededWeight = await firstLoadJs(port + 1, "/");
        if (canLighthouse) {
          // The reference beside it: a bare Next.js page of the same packages, measured in turn
          // with the dashboard, so a score read against 0.95 can be read against what this
          // machine gives a page with nothing on it, in the same minutes.
          try {
            await ensureBarePageBuild(log);
            const bare = await startServer({ dir: BARE_PAGE_DIR, port: port + 2, log });
            servers.push(bare);
            try {
              [lhSeeded, lhBare] = await lighthouseInTurn([`http://127.0.0.1:${port + 1}/`, `http://127.0.0.1:${port + 2}/`], lighthouseRuns);
            } catch (e) {
              lighthouseErrors.push(`seeded dashboard and bare page: ${(e as Error).message.slice(0, 300)}`);
            }
            await bare.stop();
            servers.pop();
          } catch (e) {
            // No reference (its build or server failed): the dashboard is still measured alone.
            lighthouseErrors.push(`bare Next.js page: ${(e as Error).message.slice(0, 300)}`);
            lhSeeded = await tryLighthouse(`http://127.0.0.1:${port + 1}/`);
          }
        }
        await seeded.stop();
        servers.pop();
      }
      if (!skip.has("import")) {
        log(`Import throughput: ${importFiles.toLocaleString("en")} generated files ...`);
        imp = await importThroughput(seedDb, path.join(work, "import"), importFiles);
      }
    }

    // ---- the report ----
    const md: string[] = [];
    const at1M = articles >= TARGETS.naiveAtArticles;
    md.push(
      `**${articles.toLocaleString("en")} articles** (${corpus.articleThemes.toLocaleString("en")} article x theme rows, ${corpus.passages.toLocaleString("en")} passages), ` +
        `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end; medians of ${runs} runs (${exportRuns} for exports, ${naiveRuns} for the naive join). ` +
        `HTTP overhead on the trivial route \`${TRIVIAL_ROUTE}\`: ${ms(overhead)} before the charts, and timed beside every run of each request (its own column; the limit uses it) (a static file, \`/icon.svg\`: ${ms(median(staticFile))}). Rollups: ${corpus.rollups} (${corpus.rows.themeRollup.toLocaleString("en")} ThemeRollup rows for ${corpus.rows.themeFact.toLocaleString("en")} ThemeFact rows).`,
      "",
    );
    const chartTable = rows.map((r) => {
      const p = median(r.http);
      const floor = median(r.rollup);
      const naive = median(r.naive);
      const isPage = r.path === "/";
      // The overhead of this request's own runs (the trivial route timed beside it).
      const beside = median(r.trivial);
      const limit = TARGETS.chartRatio * floor + beside;
      const ok = isPage ? p <= TARGETS.pageMs : hasRollup && p <= limit;
      if (isPage) check(`${r.name} < ${TARGETS.pageMs} ms`, ok, ms(p));
      else check(`${r.name} <= ${TARGETS.chartRatio}x rollup floor + overhead`, ok, hasRollup ? `${ms(p)} vs limit ${ms(limit)}` : "no rollup table in this schema");
      const speedup = naive / p;
      if (at1M) check(`${r.name} >= ${TARGETS.naiveSpeedup}x faster than the naive join`, speedup >= TARGETS.naiveSpeedup, ratio(speedup));
      return [
        `\`${r.path}\``,
        ms(p),
        ms(percentile(r.http, 95)),
        ms(floor),
        ms(beside),
        ratio((p - beside) / floor),
        ms(naive),
        ratio(speedup),
        `${ok ? "ok" : "**MISSED**"} ${isPage ? `(< ${TARGETS.pageMs.toLocaleString("en")} ms)` : `(<= ${ms(limit)})`}`,
      ];
    });
    md.push(
      markdownTable(
        ["request", "median", "p95", "floor (rollup sums + inferred names)", "overhead beside it", "(project - overhead) / floor", "naive join", "naive / project", "target"],
        chartTable,
        ["l", "r", "r", "r", "r", "r", "r", "r", "l"],
      ),
      "",
    );
    if (exportsOut.length) {
      const rowsOut = exportsOut.map((e) => {
        const p = median(e.http);
        const f = median(e.floor.map((x) => x.ms));
        const first = median(e.firstByte);
        const ok = p <= TARGETS.exportRatio * f;
        check(`${e.name} <= ${TARGETS.exportRatio}x its raw floor`, ok, `${ms(p)} vs floor ${ms(f)}`);
        check(`${e.name} first byte < ${TARGETS.exportFirstByteMs} ms`, first < TARGETS.exportFirstByteMs, ms(first));
        return [`\`${e.name}\` (${e.floor[0].rows.toLocaleString("en")} rows, ${(e.bytes / 2 ** 20).toFixed(0)} MiB)`, ms(p), ms(percentile(e.http, 95)), ms(first), ms(f), ratio(p / f), ok ? "ok (<= 2x)" : "**MISSED** (<= 2x)"];
      });
      md.push(markdownTable(["export", "median", "p95", "first byte", "raw floor", "project / floor", "target"], rowsOut, ["l", "r", "r", "r", "r", "r", "l"]), "");
      const grew = peakMb - idleMb;
      check(`server memory during exports <= idle + ${TARGETS.exportMemoryMb} MB`, grew <= TARGETS.exportMemoryMb, `idle ${idleMb.toFixed(0)} MiB, peak ${peakMb.toFixed(0)} MiB`);
      md.push(`Server memory: idle ${idleMb.toFixed(0)} MiB resident, peak during the exports ${peakMb.toFixed(0)} MiB (+${grew.toFixed(0)} MiB; target +${TARGETS.exportMemoryMb}).`, "");
    }
    const page: string[][] = [];
    const pw = seededWeight ?? weight;
    check(`first-load JavaScript of / <= ${TARGETS.firstLoadKb} KB gzip`, pw.gzipKb <= TARGETS.firstLoadKb, `${pw.gzipKb.toFixed(1)} KB`);
    page.push(["first-load JavaScript of `/` (gzip)", `${pw.gzipKb.toFixed(1)} KB (${pw.scripts} scripts, ${pw.rawKb.toFixed(0)} KB raw; ${pw.inlineKb.toFixed(0)} KB inline)`, `<= ${TARGETS.firstLoadKb} KB`]);
    if (lhSeeded) {
      check(`Lighthouse performance, seeded dashboard >= ${TARGETS.lighthouse}`, lhSeeded.score >= TARGETS.lighthouse, lhSeeded.score.toFixed(2));
      page.push(["Lighthouse performance, seeded dashboard (mobile)", `${lhLine(lhSeeded)}`, `>= ${TARGETS.lighthouse}`]);
    }
    if (lhBare)
      page.push([
        "  reference: a bare Next.js page, measured in turn with it",
        `${lhLine(lhBare)}${lhSeeded ? `; dashboard - bare ${(lhSeeded.score - lhBare.score >= 0 ? "+" : "")}${(lhSeeded.score - lhBare.score).toFixed(2)}` : ""}`,
        "reported",
      ]);
    if (lhBench)
      page.push([`Lighthouse performance at ${articles.toLocaleString("en")} articles (mobile)`, lhLine(lhBench), "reported"]);
    for (const e of lighthouseErrors) page.push(["Lighthouse failed", e, ""]);
    if (canLighthouse && !skip.has("seeded") && !lhSeeded) check(`Lighthouse performance, seeded dashboard >= ${TARGETS.lighthouse}`, false, "the run failed");
    if (!canLighthouse && !skip.has("lighthouse")) page.push(["Lighthouse", "not run: lighthouse or Chromium missing (npm i -D -E lighthouse@12.8.2; CHROME_PATH)", ""]);
    if (imp) {
      const cliImport = imp.importMs - imp.startupMs;
      const cliParse = imp.dryRunMs - imp.startupMs;
      const r = cliImport / cliParse;
      check(`import <= ${TARGETS.importRatio}x its own parsing cost`, r <= TARGETS.importRatio, `${ratio(r)} (import ${ms(cliImport)}, dry run ${ms(cliParse)}, start-up ${ms(imp.startupMs)} off both)`);
      const perSec = (n: number, t: number) => `${Math.round((n / t) * 1000).toLocaleString("en")} articles/s`;
      page.push([`\`npm run import\` of ${imp.files.toLocaleString("en")} files`, `${perSec(imp.files, cliImport)} (${ms(cliImport)} after ${ms(imp.startupMs)} start-up; ${imp.imported} stored)`, ""]);
      page.push(["  its parsing (`--dry-run`)", `${perSec(imp.files, cliParse)} (${ms(cliParse)}); import / parsing ${ratio(r)}`, `<= ${TARGETS.importRatio}x`]);
      page.push(["  floor: same parsing + raw inserts, one transaction", `${perSec(imp.files, imp.floorParseMs + imp.floorInsertMs)} (parse ${ms(imp.floorParseMs)}, insert ${ms(imp.floorInsertMs)}); import / floor ${ratio(cliImport / (imp.floorParseMs + imp.floorInsertMs))}`, "reported"]);
    }
    md.push(markdownTable(["what", "measured", "target"], page, ["l", "l", "l"]), "");
    const failed = checks.filter((c) => !c.ok);
    md.push(failed.length ? `**${failed.length} of ${checks.length} targets missed:**\n${failed.map((c) => `- ${c.what}: ${c.detail}`).join("\n")}` : `All ${checks.length} targets met.`);
    const report = md.join("\n");
    console.log(`\n${report}\n`);
    if (values.out) fs.writeFileSync(values.out, report + "\n");
    if (values.json)
      fs.writeFileSync(
        values.json,
        JSON.stringify({ articles, corpus: { ...corpus, file: undefined }, overheadMs: overhead, charts: rows, exports: exportsOut, idleMb, peakMb, pageWeight: pw, lighthouse: { seeded: lhSeeded, bare: lhBare, bench: lhBench }, import: imp, checks }, null, 2),
      );
    if (kept) log(`Kept ${kept} (serve it: DATABASE_URL=file:${kept} npm start)`);
    return failed.length ? 1 : 0;
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

class UsageError extends Error {}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(e);
    process.exit(1);
  },
);
