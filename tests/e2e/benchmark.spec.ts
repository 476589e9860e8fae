// A smoke run of `npm run bench` at 2,000 articles on the build the suite just made: it starts its
// own production server, times every request against its floors and prints the table. Times are
// not asserted (the machine is shared); the table's shape is, and that every request's sums equal
// the naive join's (a fast wrong answer must not pass as fast).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PORT = Number(process.env.BENCH_SMOKE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);

test("npm run bench at 2,000 articles prints every request with its floors, and the answers agree", () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-bench-smoke-"));
  const json = path.join(dir, "bench.json");
  try {
    const run = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/bench.ts", "--articles", "2000", "--runs", "2", "--export-runs", "1", "--naive-runs", "1",
        "--skip", "import,lighthouse,seeded", "--port", String(PORT), "--json", json],
      { encoding: "utf8", timeout: 110_000 },
    );
    // 1 is a missed target (times are not this test's business); anything else is a crash.
    expect([0, 1], run.stderr).toContain(run.status);
    expect(run.stdout).toContain("| request | median | p95 | floor (rollup sums + inferred names) |");
    expect(run.stdout).toContain("HTTP overhead on the trivial route `/api/health`");
    expect(run.stdout).toContain("| export | median | p95 | first byte | raw floor |");
    for (const p of ["/api/timeline", "/api/by-source?metric=articles", "/api/timeline?coder=coder-b", "/"]) expect(run.stdout).toContain(`| \`${p}\` |`);

    const out = JSON.parse(fs.readFileSync(json, "utf8")) as {
      articles: number;
      charts: { path: string; http: number[]; naive: number[] }[];
      exports: { name: string; floor: { rows: number }[]; bytes: number }[];
      checks: { what: string; ok: boolean; detail: string }[];
    };
    expect(out.articles).toBe(2000);
    expect(out.charts).toHaveLength(11);
    for (const c of out.charts) {
      expect(c.http, c.path).toHaveLength(2);
      expect(c.naive, c.path).toHaveLength(1);
    }
    expect(out.exports.map((e) => e.name)).toEqual(["article-themes.csv", "passages.csv"]);
    for (const e of out.exports) {
      expect(e.floor[0].rows).toBeGreaterThan(1000);
      expect(e.bytes).toBeGreaterThan(e.floor[0].rows * 40);
    }
    const answers = out.checks.filter((c) => c.what.includes("sums equal"));
    expect(answers.length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((c) => !c.ok)).toEqual([]);
    // Every timeline names the floor's articles of inferred date, in the same order.
    const named = out.checks.filter((c) => c.what.includes("names the floor's articles of inferred date"));
    expect(named).toHaveLength(8);
    expect(named.filter((c) => !c.ok)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
