import type { Metadata } from "next";
import { CooccurrenceMatrix } from "@/components/cooccurrence/matrix";
import { PassageList } from "@/components/dashboard/passage-list";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { parsePair } from "@/lib/filters/pair";
import { toSearchParams } from "@/lib/filters/schema";
import { resolveView, type SearchParams } from "@/lib/filters/view";
import { getCooccurrence, getCooccurrencePassages } from "@/lib/queries/cooccurrence";

export const metadata: Metadata = { title: "Co-occurrence" };

export default async function CooccurrencePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { catalog, filters, issues } = await resolveView(sp, ["pair"]);
  const pair = parsePair(sp.pair, catalog.themes.map((t) => t.slug));
  const allIssues = [...issues, ...(pair && "parameter" in pair ? [pair] : [])];
  const header = (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold">Themes together</h1>
      <p className="text-sm text-muted">
        For every two themes: the passages tagged with both (the same stretch of text) and the coded articles in view that have passages of
        both. The diagonal is each theme&apos;s own passages and articles.
      </p>
    </div>
  );
  if (allIssues.length) {
    return (
      <div className="space-y-4">
        {header}
        <FilterBar filters={filters} catalog={catalog} showChartControls={false} />
        <InvalidParams issues={allIssues} resetHref="/cooccurrence" />
      </div>
    );
  }
  const open = pair && !("parameter" in pair) ? pair : undefined;
  const [data, drilled] = await Promise.all([getCooccurrence(filters), open ? getCooccurrencePassages(filters, open.a, open.b) : undefined]);
  const view = toSearchParams(filters);
  const qs = view.size ? `?${view}` : "";
  const pairHref = (a: string, b: string) => {
    const q = new URLSearchParams(view);
    q.set("pair", `${a}:${b}`);
    return `/cooccurrence?${q}#passages`;
  };
  const name = (s: string) => catalog.themes.find((t) => t.slug === s)?.name ?? s;
  const themeExport = open && open.a === open.b ? new URLSearchParams(toSearchParams({ ...filters, themes: [open.a] })) : undefined;
  return (
    <div className="space-y-6">
      {header}
      <FilterBar filters={filters} catalog={catalog} showChartControls={false} keep={open ? { pair: `${open.a}:${open.b}` } : {}} />
      <section className="space-y-2 rounded-lg border border-border p-4">
        <CooccurrenceMatrix data={data} pairHref={pairHref} />
        <p className="text-sm">
          <a href={`/api/export/cooccurrence.csv${qs}`} download>
            Download CSV
          </a>{" "}
          (<code>theme_a,theme_b,passages,articles</code>, one row per pair)
        </p>
      </section>
      {open && drilled && (
        <PassageList
          heading={open.a === open.b ? `Passages of ${name(open.a)}` : `Passages tagged both ${name(open.a)} and ${name(open.b)}`}
          total={drilled.total}
          passages={drilled.passages}
          themes={catalog.themes}
          closeHref={`/cooccurrence${qs}`}
          exportHref={themeExport ? `/api/export/passages.csv?${themeExport}` : undefined}
        />
      )}
    </div>
  );
}
