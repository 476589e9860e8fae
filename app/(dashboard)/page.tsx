import Link from "next/link";
import { BySourceChart } from "@/components/charts/by-source-chart";
import { TimelineChart } from "@/components/charts/timeline-chart";
import { ChartCard } from "@/components/dashboard/chart-card";
import { BySourceTable, TimelineTable } from "@/components/dashboard/data-tables";
import { PassageList } from "@/components/dashboard/passage-list";
import { SummaryLine } from "@/components/dashboard/summary-line";
import { LeftOffNote } from "@/components/dashboard/left-off-note";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { parseDrill } from "@/lib/filters/drill";
import { metricDescription, toSearchParams } from "@/lib/filters/schema";
import { periodLabel } from "@/lib/measure/periods";
import { getBySource, getPassages, getSummary, getTimeline } from "@/lib/queries/analytics";
import { resolveView, type SearchParams } from "@/lib/filters/view";

const DRILL_LIMIT = 200;

export default async function Dashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { catalog, filters, issues } = await resolveView(sp, ["drill"]);
  const known = { themes: catalog.themes.map((t) => t.slug), orgs: catalog.organizations.map((o) => o.slug) };
  const drill = issues.length ? undefined : parseDrill(sp.drill, filters.granularity, known);
  const allIssues = drill && "parameter" in drill ? [...issues, drill] : issues;

  const header = (
    <div className="space-y-1">
      <h1 className="text-2xl font-semibold">Theme emphasis</h1>
      <p className="text-sm text-muted">
        How much of the text of official communications each policy theme takes up, over time and by source.
      </p>
    </div>
  );
  if (allIssues.length) {
    return (
      <div className="space-y-4">
        {header}
        <FilterBar filters={filters} catalog={catalog} />
        <InvalidParams issues={allIssues} resetHref="/" />
      </div>
    );
  }

  const openDrill = drill && !("parameter" in drill) ? drill : undefined;
  const [timeline, bySource, summary, drilled] = await Promise.all([
    getTimeline(filters),
    getBySource(filters),
    getSummary(filters),
    openDrill ? getPassages(filters, openDrill, DRILL_LIMIT) : undefined,
  ]);
  const query = toSearchParams(filters).toString();
  const qs = query ? `?${query}` : "";
  const themeName = (slug: string) => catalog.themes.find((t) => t.slug === slug)?.name ?? slug;
  const drillHeading = openDrill
    ? openDrill.kind === "period"
      ? `Passages behind ${themeName(openDrill.theme)}, ${periodLabel(openDrill.period, filters.granularity)}`
      : `Passages behind ${themeName(openDrill.theme)}, ${catalog.organizations.find((o) => o.slug === openDrill.source)?.name}`
    : "";
  const passagesExport = new URLSearchParams(query);
  if (openDrill) passagesExport.set("theme", openDrill.theme);

  return (
    <div className="space-y-6">
      {header}
      <FilterBar filters={filters} catalog={catalog} />
      <SummaryLine summary={summary} codebookVersion={catalog.codebookVersion} articlesHref={`/articles${qs}`} />

      {summary.articles === 0 ? (
        <p className="rounded-lg border border-border bg-surface p-6 text-center text-sm">
          No articles match these filters. <Link href="/">Show everything</Link>.
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          <ChartCard
            id="timeline"
            title="Theme timeline"
            description={metricDescription(filters.metric, filters.granularity)}
            csvHref={`/api/export/timeline.csv${qs}`}
            csvLabel="Download CSV of the theme timeline"
            note={<LeftOffNote leftOff={timeline.leftOff} granularity={filters.granularity} dateRange={Boolean(filters.from || filters.to)} />}
            table={<TimelineTable timeline={timeline} baseQuery={query} />}
            themes={timeline.themes}
          >
            {timeline.periods.length ? (
              <TimelineChart timeline={timeline} metric={filters.metric} baseQuery={query} />
            ) : (
              <p className="flex h-80 items-center justify-center rounded bg-surface p-4 text-center text-sm text-muted">
                No article in this view has a date precise enough to place on a {filters.granularity} timeline.
              </p>
            )}
          </ChartCard>
          <ChartCard
            id="by-source"
            title="Emphasis by source"
            description={`${metricDescription(filters.metric, "source organization")} All dates together, undated articles included unless a date range is set.`}
            csvHref={`/api/export/by-source.csv${qs}`}
            csvLabel="Download CSV of emphasis by source"
            table={<BySourceTable bySource={bySource} baseQuery={query} />}
            themes={bySource.themes}
          >
            <BySourceChart bySource={bySource} metric={filters.metric} baseQuery={query} />
          </ChartCard>
        </div>
      )}

      {openDrill && drilled && (
        <PassageList
          heading={drillHeading}
          total={drilled.total}
          passages={drilled.passages}
          themes={catalog.themes}
          closeHref={`/${qs}`}
          exportHref={`/api/export/passages.csv?${passagesExport.toString()}`}
        />
      )}

      <p className="text-sm text-muted">
        Exports of this view: <a href={`/api/export/passages.csv${qs}`} download>every passage (CSV)</a> ·{" "}
        <a href={`/api/export/article-themes.csv${qs}`} download>article × theme base table (CSV)</a>, from which every charted
        number can be recomputed.
      </p>
    </div>
  );
}
