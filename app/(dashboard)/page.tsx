import Link from "next/link";
import { BySourceChart, TimelineChart, TimelineMultiples } from "@/components/charts/lazy-charts";
import { bySourceForChart, timelineForChart } from "@/components/charts/chart-data";
import { ChartCard } from "@/components/dashboard/chart-card";
import { CopyLink } from "@/components/dashboard/copy-link";
import { BySourceTable, TimelineTable } from "@/components/dashboard/data-tables";
import { PassageList } from "@/components/dashboard/passage-list";
import { SummaryLine } from "@/components/dashboard/summary-line";
import { LeftOffNote } from "@/components/dashboard/left-off-note";
import { FilterBar } from "@/components/filters/filter-bar";
import { InvalidParams } from "@/components/invalid-params";
import { drillParam, parseDrill } from "@/lib/filters/drill";
import { LAYOUTS, layoutSchema, metricDescription, toSearchParams, type Layout } from "@/lib/filters/schema";
import { periodLabel, TooManyPeriodsError } from "@/lib/measure/periods";
import { getBySource, getPassages, getSummary, getTimeline } from "@/lib/queries/analytics";
import { resolveView, type SearchParams } from "@/lib/filters/view";

const DRILL_LIMIT = 200;

export default async function Dashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { catalog, filters, issues } = await resolveView(sp, ["drill", "layout"]);
  const known = { themes: catalog.themes.map((t) => t.slug), orgs: catalog.organizations.map((o) => o.slug) };
  const drill = issues.length ? undefined : parseDrill(sp.drill, filters.granularity, known);
  const layoutParsed = layoutSchema.safeParse(sp.layout === undefined ? undefined : [sp.layout].flat());
  const layout: Layout = layoutParsed.success ? layoutParsed.data : "overlay";
  const allIssues = [
    ...issues,
    ...(drill && "parameter" in drill ? [drill] : []),
    ...(layoutParsed.success ? [] : [{ parameter: "layout", message: `must be one of ${LAYOUTS.join(", ")}` }]),
  ];

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
  let loaded;
  try {
    loaded = await Promise.all([
      getTimeline(filters),
      getBySource(filters),
      getSummary(filters),
      openDrill ? getPassages(filters, openDrill, DRILL_LIMIT) : undefined,
    ]);
  } catch (e) {
    // A date span (from the data, one bound open) too wide for the granularity: say so, never a silent cap.
    if (!(e instanceof TooManyPeriodsError)) throw e;
    return (
      <div className="space-y-4">
        {header}
        <FilterBar filters={filters} catalog={catalog} />
        <InvalidParams issues={[{ parameter: filters.from ? "to" : "from", message: e.message }]} resetHref="/" />
      </div>
    );
  }
  const [timeline, bySource, summary, drilled] = loaded;
  const chartTimeline = timelineForChart(timeline);
  const query = toSearchParams(filters).toString();
  const qs = query ? `?${query}` : "";
  // The layout is a page parameter: it rides along in the dashboard's own links, not in exports.
  const keep: Record<string, string> = layout === "overlay" ? {} : { layout };
  const pageParams = new URLSearchParams(query);
  if (layout !== "overlay") pageParams.set("layout", layout);
  const pageQuery = pageParams.toString();
  const layoutHref = (l: Layout) => {
    const q = new URLSearchParams(query);
    if (l !== "overlay") q.set("layout", l);
    return `/${q.size ? `?${q}` : ""}#timeline-title`;
  };
  const notCodedHref = `/articles?${toSearchParams({ ...filters, coding: undefined, statuses: ["uncoded", "in-progress"] })}`;
  const themeName = (slug: string) => catalog.themes.find((t) => t.slug === slug)?.name ?? slug;
  const drillHeading = openDrill
    ? openDrill.kind === "period"
      ? `Passages behind ${themeName(openDrill.theme)}, ${periodLabel(openDrill.period, filters.granularity)}`
      : `Passages behind ${themeName(openDrill.theme)}, ${catalog.organizations.find((o) => o.slug === openDrill.source)?.name}`
    : "";
  const passagesExport = new URLSearchParams(query);
  if (openDrill) passagesExport.set("drill", drillParam(openDrill));

  return (
    <div className="space-y-6">
      {header}
      {/* No Suspense boundaries here: React streams a boundary's HTML after the page and reveals it
          by script, which on a big corpus lands after the first paint and pushes the page down
          (a layout shift of 0.6 at a million articles). The charts' own placeholders keep their height. */}
      <FilterBar filters={filters} catalog={catalog} keep={keep} />
      <p className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <CopyLink />
        <Link href={`/search${qs}`} prefetch={false}>Search the texts in this view</Link>
        <Link href={`/cooccurrence${qs}`} prefetch={false}>Themes together</Link>
        <Link href={`/compare${qs}`} prefetch={false}>Compare two periods or sources</Link>
      </p>
      <SummaryLine summary={summary} codebookVersion={catalog.codebookVersion} articlesHref={`/articles${qs}`} notCodedHref={notCodedHref} />

      {summary.articles === 0 ? (
        <p className="rounded-lg border border-border bg-surface p-6 text-center text-sm" data-testid="no-coded">
          {summary.inView === 0 ? "No articles match these filters." : `None of the ${summary.inView} articles in view is coded yet, so there is nothing to measure.`}{" "}
          <Link href="/">Show everything</Link>.
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          <ChartCard
            id="timeline"
            title="Theme timeline"
            description={metricDescription(filters.metric, filters.granularity)}
            csvHref={`/api/export/timeline.csv${qs}`}
            csvLabel="Download CSV of the theme timeline"
            imageHrefs={{ svg: `/api/export/timeline.svg${qs}`, png: `/api/export/timeline.png${qs}` }}
            note={<LeftOffNote leftOff={timeline.leftOff} granularity={filters.granularity} dateRange={Boolean(filters.from || filters.to)} />}
            table={<TimelineTable timeline={timeline} baseQuery={pageQuery} />}
            themes={timeline.themes}
          >
            <p className="mb-2 text-xs" data-testid="layout-switch">
              Layout:{" "}
              {layout === "overlay" ? <strong>overlaid</strong> : <Link href={layoutHref("overlay")} scroll={false} prefetch={false}>overlaid</Link>}
              {" · "}
              {layout === "small-multiples" ? <strong>one panel per theme</strong> : <Link href={layoutHref("small-multiples")} scroll={false} prefetch={false}>one panel per theme</Link>}
            </p>
            {timeline.periods.length ? (
              layout === "small-multiples" ? (
                <TimelineMultiples timeline={chartTimeline} metric={filters.metric} granularity={filters.granularity} baseQuery={pageQuery} />
              ) : (
                <TimelineChart timeline={chartTimeline} metric={filters.metric} granularity={filters.granularity} baseQuery={pageQuery} />
              )
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
            imageHrefs={{ svg: `/api/export/by-source.svg${qs}`, png: `/api/export/by-source.png${qs}` }}
            table={<BySourceTable bySource={bySource} baseQuery={pageQuery} />}
            themes={bySource.themes}
          >
            <BySourceChart bySource={bySourceForChart(bySource)} metric={filters.metric} baseQuery={pageQuery} />
          </ChartCard>
        </div>
      )}

      {openDrill && drilled && (
        <PassageList
          heading={drillHeading}
          total={drilled.total}
          passages={drilled.passages}
          themes={catalog.themes}
          closeHref={`/${pageQuery ? `?${pageQuery}` : ""}`}
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
