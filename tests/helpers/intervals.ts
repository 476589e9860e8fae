// Every interval the app exports, against an independent computation: a Python script
// (tests/fixtures/intervals/compute.py, with SciPy's Student t) that reads only the base table
// article-themes.csv and computes each bucket's and source's value and 95% interval directly
// from the per-article rows. Its input and output are checked in; this test checks that the
// app still exports the same base table, then that every ci_low/ci_high agrees.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";

type Route = { GET: (r: Request) => Promise<Response> };
type Row = Record<string, string>;
type Expected = Record<string, Record<string, [number | null, number | null, number | null]>>;

const FIX = path.join(import.meta.dirname, "../fixtures/intervals");
const PROVENANCE = ["codebook_version", "coding", "view", "generated_at"];

async function routes() {
  return {
    base: (await import("@/app/api/export/article-themes.csv/route")) as Route,
    timeline: (await import("@/app/api/export/timeline.csv/route")) as Route,
    bySource: (await import("@/app/api/export/by-source.csv/route")) as Route,
  };
}

const rows = async (route: Route, query: string): Promise<Row[]> =>
  parse(await (await route.GET(new Request(`http://test/x?${query}`))).text(), { columns: true }) as Row[];

const strip = (r: Row) => Object.fromEntries(Object.entries(r).filter(([k]) => !PROVENANCE.includes(k)));

export async function checkIntervals(name: string) {
  const r = await routes();
  const base = (await rows(r.base, "")).map(strip);
  const baseFile = path.join(FIX, `${name}-base.json`);
  if (process.env.UPDATE_FIXTURES) fs.writeFileSync(baseFile, `${JSON.stringify(base, null, 1)}\n`);
  expect(base, "the base table the Python computation read").toEqual(JSON.parse(fs.readFileSync(baseFile, "utf8")));
  const expected = JSON.parse(fs.readFileSync(path.join(FIX, `${name}-expected.json`), "utf8")) as Expected;
  let compared = 0;
  for (const metric of ["share", "articles"]) {
    for (const granularity of ["month", "quarter", "year"]) {
      for (const row of await rows(r.timeline, `granularity=${granularity}&metric=${metric}`)) {
        const want = expected[`timeline|${granularity}|${metric}`]?.[`${row.period}|${row.theme}`];
        const [value, low, high] = want ?? [null, null, null];
        const label = `${name} ${granularity} ${metric} ${row.period} ${row.theme}`;
        expectCell(row, value, low, high, label);
        compared++;
      }
    }
    for (const row of await rows(r.bySource, `metric=${metric}`)) {
      const [value, low, high] = expected[`by-source|${metric}`][`${row.source}|${row.theme}`];
      expectCell(row, value, low, high, `${name} by-source ${metric} ${row.source} ${row.theme}`);
      compared++;
    }
  }
  return compared;
}

function expectCell(row: Row, value: number | null, low: number | null, high: number | null, label: string) {
  for (const [cell, want] of [
    [row.value, value],
    [row.ci_low, low],
    [row.ci_high, high],
  ] as const) {
    if (want === null) expect(cell, label).toBe("");
    else expect(Math.abs(Number(cell) - want), `${label}: ${cell} vs ${want}`).toBeLessThanOrEqual(0.00006);
  }
}
