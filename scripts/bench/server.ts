// The production server the benchmark measures: `next start` on a given SQLite file, bound to
// 127.0.0.1 as scripts/start.ts would start it (lib/coding/listen.ts), plus HTTP timing and the
// server's memory read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { listenPlan } from "../../lib/coding/listen";
import { staleReason } from "../build-if-stale";

const ROOT = path.join(import.meta.dirname, "../..");

/**
 * The Lighthouse reference: a bare Next.js page (scripts/bench/bare-page, a heading and a
 * paragraph) built with the project's own node_modules, served beside the dashboard.
 */
export const BARE_PAGE_DIR = path.join(ROOT, "scripts/bench/bare-page");

function nextBuild(dir: string, what: string, reason: string | null, log: (line: string) => void): Promise<void> {
  if (!reason) return Promise.resolve();
  log(`Building ${what} (${reason}) ...`);
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [next, "build", dir], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build ${path.relative(ROOT, dir) || "."} exited with ${code}`))));
  });
}

/** `next build` once, when .next is missing or older than its inputs (as `npm start` does). */
export const ensureBuild = (log: (line: string) => void): Promise<void> => nextBuild(ROOT, "the production server", staleReason(ROOT), log);

/** The bare page's build, remade when it is missing or older than its page or the installed packages. */
export const ensureBarePageBuild = (log: (line: string) => void): Promise<void> =>
  nextBuild(BARE_PAGE_DIR, "the bare Next.js page", staleReason(BARE_PAGE_DIR, ["app", "../../../package-lock.json", "../../../node_modules/next/package.json"]), log);

export type Server = {
  port: number;
  pid: number;
  /** resident memory now, MiB, of the server's process tree */
  rssMb(): number;
  /** the peak resident memory since start or the last resetPeak(), MiB (VmHWM) */
  peakMb(): number;
  /** restart the peak count (writes 5 to /proc/PID/clear_refs); false where the kernel refuses */
  resetPeak(): boolean;
  /** each process of the tree now: resident, peak, anonymous and file-backed memory, MiB (for the log) */
  processes(): ProcessMemory[];
  stop(): Promise<void>;
};

export type ProcessMemory = { pid: number; command: string; rssMb: number; peakMb: number; anonMb: number; fileMb: number };

function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let children = "";
    try {
      for (const task of fs.readdirSync(`/proc/${out[i]}/task`)) children += fs.readFileSync(`/proc/${out[i]}/task/${task}/children`, "utf8") + " ";
    } catch {
      continue;
    }
    for (const c of children.split(/\s+/).filter(Boolean)) out.push(Number(c));
  }
  return out;
}

type StatusField = "VmRSS" | "VmHWM" | "RssAnon" | "RssFile";

/** The memory fields of /proc/PID/status, MiB, from one read (0 for a process gone). */
function statusMb(pid: number): Record<StatusField, number> {
  const out: Record<StatusField, number> = { VmRSS: 0, VmHWM: 0, RssAnon: 0, RssFile: 0 };
  try {
    for (const m of fs.readFileSync(`/proc/${pid}/status`, "utf8").matchAll(/^(VmRSS|VmHWM|RssAnon|RssFile):\s+(\d+) kB/gm)) out[m[1] as StatusField] = Number(m[2]) / 1024;
  } catch {
    // gone
  }
  return out;
}

/**
 * `next start` of the project on the SQLite file `file`; with `dir`, of another Next.js app
 * (the bare page), which is ready when `/` answers instead of `/icon.svg`.
 */
export async function startServer(opts: { file?: string; dir?: string; port: number; log: (line: string) => void }): Promise<Server> {
  const plan = listenPlan({}, ["-p", String(opts.port), "-H", "127.0.0.1"]);
  if (!plan.ok) throw new Error(plan.error);
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const env = { ...process.env, ...plan.env, NODE_ENV: "production" } as NodeJS.ProcessEnv;
  if (opts.file) env.DATABASE_URL = `file:${path.resolve(opts.file)}`;
  delete env.TAGGING_ENABLED;
  delete env.TAGGING_SECRET;
  // For tracing the server (e.g. BENCH_SERVER_NODE_FLAGS=--trace-gc BENCH_SERVER_LOG=/tmp/server.log):
  // Node flags before next's own, and its output copied to a file.
  const nodeFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, next, "start", ...(opts.dir ? [opts.dir] : []), ...plan.args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const readyPath = opts.dir ? "/" : "/icon.svg";
  const copy = process.env.BENCH_SERVER_LOG ? fs.createWriteStream(process.env.BENCH_SERVER_LOG, { flags: "a" }) : undefined;
  let output = "";
  const keep = (d: Buffer) => {
    copy?.write(d);
    if (output.length < 100_000) output += d.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      const r = await request(opts.port, readyPath);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) {
      child.kill("SIGTERM");
      throw new Error(`next start did not answer on port ${opts.port} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // The app warms itself up once it listens (instrumentation.ts): measure it after that, as a
  // user finds it a few seconds after a start, not while it is still asking itself for pages.
  if (!opts.dir && env.PTT_WARM_UP !== "0") {
    const since = performance.now();
    while (!/Warmed up \d+ of \d+ routes/.test(output) && child.exitCode === null && performance.now() - since < 180_000) await new Promise((r) => setTimeout(r, 100));
    const line = /Warmed up [^\n]*/.exec(output)?.[0];
    opts.log(line ? `  ${line}` : "  (the server's warm-up did not report within 180 s; measuring anyway)");
  }
  const pid = child.pid!;
  const tree = () => descendants(pid);
  return {
    port: opts.port,
    pid,
    rssMb: () => tree().reduce((a, p) => a + statusMb(p).VmRSS, 0),
    peakMb: () => tree().reduce((a, p) => a + statusMb(p).VmHWM, 0),
    processes: () =>
      tree().map((p) => {
        let command = "?";
        try {
          command = fs.readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").filter(Boolean).map((a) => path.basename(a)).join(" ").slice(0, 60);
        } catch {
          // gone
        }
        const m = statusMb(p);
        return { pid: p, command, rssMb: m.VmRSS, peakMb: m.VmHWM, anonMb: m.RssAnon, fileMb: m.RssFile };
      }),
    resetPeak: () => {
      try {
        for (const p of tree()) fs.writeFileSync(`/proc/${p}/clear_refs`, "5");
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// A new loopback connection per request: a kept-alive one can be closed by the server's idle
// timeout just as it is reused (a long floor query runs between two requests), and the
// connection costs well under a millisecond here, inside the measured HTTP overhead.
const server = { agent: new http.Agent({ keepAlive: false }) };

export type Timed = { status: number; ms: number; firstByteMs: number; bytes: number; body?: string };

/** One GET over a new loopback connection: total time, time to the first body byte, bytes. */
export function request(port: number, pathname: string, opts: { keepBody?: boolean; timeoutMs?: number } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get({ host: "127.0.0.1", port, path: pathname, agent: server.agent, headers: { "accept-encoding": "identity" } }, (res) => {
      let first = -1;
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => {
        if (first < 0) first = performance.now() - t0;
        bytes += d.length;
        if (opts.keepBody) chunks.push(d);
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - t0,
          firstByteMs: first < 0 ? performance.now() - t0 : first,
          bytes,
          body: opts.keepBody ? Buffer.concat(chunks).toString("utf8") : undefined,
        }),
      );
      res.on("error", reject);
    });
    req.setTimeout(opts.timeoutMs ?? 600_000, () => req.destroy(new Error(`GET ${pathname} timed out`)));
    req.on("error", reject);
  });
}
