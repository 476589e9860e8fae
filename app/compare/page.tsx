import type { Metadata } from "next";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { ThemeSwatch } from "@/components/theme-swatch";
import { parseSides, sideParam } from "@/lib/filters/compare";
import { METRIC_LABELS, toSearchParams } from "@/lib/filters/schema";
import { resolveView, type SearchParams } from "@/lib/filters/view";
import { formatValue } from "@/lib/measure/totals";
import { getComparison, type SideCell } from "@/lib/queries/compare";

export const metadata: Metadata = { title: "Compare" };

const ci = (c: SideCell) => (c.ci ? ` [${c.ci.low.toFixed(1)}, ${c.ci.high.toFixed(1)}]` : "");

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { catalog, filters, issues } = await resolveView(sp, ["a", "b"]);
  const asked = sp.a !== undefined || sp.b !== undefined;
  const sides = asked ? parseSides({ a: sp.a, b: sp.b }, new Map(catalog.organizations.map((o) => [o.slug, o.name]))) : undefined;
  const allIssues = [...issues, ...(sides && !sides.ok ? sides.issues : [])];
  const hidden = [...toSearchParams(filters).entries()];
  const first = (v: string | string[] | undefined) => [v ?? ""].flat()[0] ?? "";
  const header = (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold">Compare</h1>
      <p className="text-sm text-muted">
        Two periods or two sources side by side: each theme&apos;s value with its 95% interval, the difference, and whether the intervals overlap.
        Overlapping intervals mean the data do not clearly separate the two.
      </p>
    </div>
  );
  const form = (
    <form action="/compare" method="get" className="flex flex-wrap items-end gap-3 text-sm">
      {(["a", "b"] as const).map((k) => (
        <label key={k} className="flex flex-col gap-1">
          <span className="font-medium">{k.toUpperCase()}</span>
          <input name={k} defaultValue={first(sp[k])} placeholder="2022-01-01..2022-12-31 or sasac" className="w-64 rounded border border-border bg-background px-3 py-2" />
        </label>
      ))}
      {hidden.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="rounded border border-border bg-surface px-4 py-2 font-medium">
        Compare
      </button>
      <p className="w-full text-xs text-muted">
        A date range (first..last day) replaces the view&apos;s dates; a source slug ({catalog.organizations.filter((o) => o.source > 0).map((o) => o.slug).join(", ")}) replaces its organizations.
      </p>
    </form>
  );
  const keep: Record<string, string> = sides?.ok ? { a: sideParam(sides.a), b: sideParam(sides.b) } : {};
  if (allIssues.length || !sides || !sides.ok) {
    return (
      <div className="space-y-4">
        {header}
        {form}
        <FilterBar filters={filters} catalog={catalog} keep={keep} />
        {allIssues.length > 0 && <InvalidParams issues={allIssues} resetHref="/compare" />}
      </div>
    );
  }
  const c = await getComparison(filters, sides.a, sides.b);
  const exportQuery = new URLSearchParams(toSearchParams(filters));
  exportQuery.set("a", sideParam(sides.a));
  exportQuery.set("b", sideParam(sides.b));
  const theme = (s: string) => catalog.themes.find((t) => t.slug === s);
  return (
    <div className="space-y-6">
      {header}
      {form}
      <FilterBar filters={filters} catalog={catalog} keep={keep} />
      <section className="space-y-2 rounded-lg border border-border p-4">
        <h2 className="text-lg font-semibold">{METRIC_LABELS[c.metric]}</h2>
        <div className="overflow-x-auto">
          {/* 12 px on a phone: at 14 px the five columns need about 390 px, and the last one was cut off at 412. */}
          <table className="w-full text-xs sm:text-sm" data-testid="comparison">
            <thead>
              <tr className="border-b border-border text-left">
                <th scope="col" className="py-1 pr-3">Theme</th>
                <th scope="col" className="py-1 pr-3">A: {c.a.label} (n={c.a.articles})</th>
                <th scope="col" className="py-1 pr-3">B: {c.b.label} (n={c.b.articles})</th>
                <th scope="col" className="py-1 pr-3">B − A</th>
                <th scope="col" className="py-1">95% intervals overlap?</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <tr key={r.theme} className="border-b border-border">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <span className="inline-flex items-center gap-1">
                      <ThemeSwatch colour={theme(r.theme)?.colour ?? "currentColor"} />
                      {theme(r.theme)?.name ?? r.theme}
                    </span>
                  </th>
                  <td className="py-1 pr-3 tabular-nums">{formatValue(c.metric, r.a.value)}{ci(r.a)}</td>
                  <td className="py-1 pr-3 tabular-nums">{formatValue(c.metric, r.b.value)}{ci(r.b)}</td>
                  <td className="py-1 pr-3 tabular-nums">{r.difference === null ? "no data" : `${r.difference > 0 ? "+" : ""}${formatValue(c.metric, r.difference)}`}</td>
                  <td className="py-1" data-testid={`overlap-${r.theme}`}>
                    {r.overlap === null ? "no interval" : r.overlap ? "yes (not clearly different)" : "no (clearly different)"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm">
          <a href={`/api/export/compare.csv?${exportQuery}`} download>
            Download CSV
          </a>
        </p>
      </section>
    </div>
  );
}
