// Lighthouse performance of a page, mobile profile (Lighthouse's default: emulated Moto G
// Power, simulated slow 4G and 4x CPU slowdown), with Debian's Chromium. Lighthouse 12.8.2 is
// pinned (12.x runs on Node 20; 13 wants Node 22). CHROME_PATH overrides the browser.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { medianIndex } from "./stats";

export type LighthouseResult = { score: number; lcpMs: number; tbtMs: number; fcpMs: number; cls: number; runs: number[] };

const RUN_TIMEOUT_MS = 240_000;
const CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking";

function lighthouseCli(): string | null {
  try {
    return createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  } catch {
    return null;
  }
}

export const lighthouseAvailable = (): boolean => lighthouseCli() !== null && fs.existsSync(process.env.CHROME_PATH ?? "/usr/bin/chromium");

type Report = { categories: { performance: { score: number | null } }; audits: Record<string, { numericValue?: number }>; runtimeError?: { message: string } };

function once(url: string): Promise<Report> {
  const cli = lighthouseCli();
  if (!cli) throw new Error("lighthouse is not installed (npm i -D -E lighthouse@12.8.2)");
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ptt-lh-")), "report.json");
  const args = [cli, url, "--output=json", `--output-path=${out}`, "--only-categories=performance", `--chrome-flags=${CHROME_FLAGS}`, "--quiet"];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    // A run that hangs is stopped: SIGINT lets Lighthouse close the Chromium it launched.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill("SIGINT");
      setTimeout(() => p.kill("SIGKILL"), 15_000).unref();
    }, RUN_TIMEOUT_MS);
    p.on("exit", (code) => {
      clearTimeout(timer);
      try {
        if (timedOut) throw new Error(`lighthouse did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
        if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${err.slice(-2000)}`);
        const report = JSON.parse(fs.readFileSync(out, "utf8")) as Report;
        if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
        resolve(report);
      } catch (e) {
        reject(e as Error);
      } finally {
        fs.rmSync(path.dirname(out), { recursive: true, force: true });
      }
    });
  });
}

/**
 * The median run (by score), with its metrics. (Until 2026-12-01 this took the first run scoring
 * at least the median, which is a better run than the median one whenever such a run came first.)
 */
function summarize(reports: Report[]): LighthouseResult {
  const scores = reports.map((r) => r.categories.performance.score ?? 0);
  const mid = reports[medianIndex(scores)];
  const v = (id: string) => mid.audits[id]?.numericValue ?? NaN;
  return {
    score: mid.categories.performance.score ?? 0,
    lcpMs: v("largest-contentful-paint"),
    tbtMs: v("total-blocking-time"),
    fcpMs: v("first-contentful-paint"),
    cls: v("cumulative-layout-shift"),
    runs: scores,
  };
}

/**
 * `runs` Lighthouse runs of each page, taking turns (a, b, a, b, ...): this machine's speed
 * drifts from minute to minute, so pages that are compared are measured in the same minutes.
 * The median of each page's runs.
 */
export async function lighthouseInTurn(urls: readonly string[], runs = 1): Promise<LighthouseResult[]> {
  const reports: Report[][] = urls.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, url] of urls.entries()) reports[k].push(await once(url));
  return reports.map(summarize);
}

/** The median of `runs` Lighthouse runs (by score), with that run's metrics. */
export const lighthouse = async (url: string, runs = 1): Promise<LighthouseResult> => (await lighthouseInTurn([url], runs))[0];
