// npm run load: 200 concurrent connections against a production build, route by route, on
// loopback only and bounded in time: a fixed number of requests per route (400, so 2,000 in
// all), each route cut off after --max-seconds with its unanswered requests counted as failures
// (a duration-bounded run would silently drop the slowest in-flight requests from the figures).
// Reports p50/p95/p99 latency, requests per second, errors, timeouts and non-2xx answers per
// route; exits 1 on any of them.
//
//   npm run load                          # serves this build from a fresh copy of the seed database
//   npm run load -- --db /tmp/bench.db    # ... from a copy of another database (npm run bench -- --db FILE)
//   npm run load -- --url http://127.0.0.1:3000   # against a server already running
//   options: --requests N (per route, default 400), --connections N (200), --max-seconds S (per
//   route, default 120), --port P (3390), --build (rebuild first)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const ROUTES: [string, string][] = [
  ["dashboard page", "/"],
  ["GET /api/timeline", "/api/timeline"],
  ["GET /api/by-source", "/api/by-source"],
  ["timeline.csv export", "/api/export/timeline.csv"],
  ["articles page", "/articles"],
];

const { values: opts } = parseArgs({
  options: {
    url: { type: "string" },
    db: { type: "string" },
    requests: { type: "string", default: "400" },
    "max-seconds": { type: "string", default: "120" },
    connections: { type: "string", default: "200" },
    port: { type: "string", default: "3390" },
    build: { type: "boolean", default: false },
  },
});

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;
const root = path.join(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function waitUntilUp(base: string, server: ChildProcess, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (server.exitCode !== null) fail(`The server exited with status ${server.exitCode} before answering.`);
    try {
      if ((await fetch(`${base}/api/timeline`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`No answer from ${base} within ${seconds} s.`);
}

/** A fresh database for the server: a copy of --db, or the seed corpus set up from scratch. */
function prepareDatabase(dir: string): string {
  const file = path.join(dir, "load.db");
  if (opts.db) {
    if (!fs.existsSync(opts.db)) fail(`No database at ${opts.db}.`);
    fs.copyFileSync(opts.db, file);
  } else {
    const setup = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db-setup.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (setup.status !== 0) fail("Setting up the seed database failed.");
  }
  return file;
}

const failures = (r: Row) => r.errors + r.non2xx + r.unanswered;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

type Row = {
  name: string;
  path: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  unanswered: number;
};

/**
 * Wait until the server answers a static file within half a second: requests a client gave up
 * on are still being worked through, and would otherwise slow the next route's figures.
 */
async function drain(base: string, seconds: number): Promise<boolean> {
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t = performance.now();
    const ok = await fetch(`${base}/icon.svg`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.arrayBuffer().then(() => r.ok),
      () => false,
    );
    if (ok && performance.now() - t < 500) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function hammer(base: string, name: string, route: string): Promise<Row> {
  const maxSeconds = Number(opts["max-seconds"]);
  if (!(await drain(base, maxSeconds))) console.log(`  (the server was still busy after ${maxSeconds} s; measuring anyway)`);
  // Warm up: load the route's code once, so the figures are of serving, not of first compilation.
  await fetch(`${base}${route}`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer(), () => undefined);
  const times: number[] = [];
  const amount = Number(opts.requests);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${route}`, connections: Number(opts.connections), amount, timeout: 30 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
    const cap = setTimeout(() => instance.stop(), maxSeconds * 1000);
    instance.on("done", () => clearTimeout(cap));
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const answered = times.length + result.errors;
  return {
    name,
    path: route,
    requests: times.length,
    rps: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    unanswered: Math.max(0, amount - answered),
  };
}

async function main() {
  let base = opts.url?.replace(/\/$/, "");
  let server: ChildProcess | undefined;
  let scratch: string | undefined;
  if (base) {
    if (!LOOPBACK.test(new URL(base).hostname)) fail(`--url must be a loopback address (127.0.0.1, localhost, [::1]); got ${base}.`);
  } else {
    if (opts.build || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
      console.log("Building the app (next build) ...");
      if (spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" }).status !== 0) fail("next build failed.");
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-load-"));
    const db = prepareDatabase(scratch);
    base = `http://127.0.0.1:${opts.port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${db}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    delete env.TAGGING_ENABLED; // a read-only dashboard, as published
    const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(opts.port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    server = child;
    await waitUntilUp(base, child);
    console.log(`Serving ${opts.db ?? "the seed corpus"} (copy in ${db}) at ${base}`);
  }
  const stop = () => {
    server?.kill("SIGTERM");
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });

  console.log(`${opts.connections} connections, ${opts.requests} requests per route (at most ${opts["max-seconds"]} s each), against ${base}\n`);
  const rows: Row[] = [];
  try {
    for (const [name, route] of ROUTES) {
      const row = await hammer(base, name, route);
      rows.push(row);
      console.log(`  ${name}: ${row.requests} answered, p99 ${Math.round(row.p99)} ms, ${failures(row)} failures`);
    }
  } finally {
    stop();
  }
  const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en-US")} ms` : "-");
  console.log("\n| route | answered | req/s | p50 | p95 | p99 | max | errors | timeouts | non-2xx | unanswered |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.name} (\`${r.path}\`) | ${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} | ${r.unanswered} |`,
    );
  }
  const bad = rows.reduce((n, r) => n + failures(r), 0);
  console.log(bad ? `\n${bad} failed requests.` : "\nNo errors, timeouts or non-2xx answers.");
  process.exit(bad ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
