// What the chart components are given: the fields they draw and their tooltips say, and no
// more. The read models carry every sum an interval is made of (squares, cross products) and
// each period's bounds; the page hands its client components only this, so the page's inline
// payload does not carry data that no browser code reads (the data tables, rendered on the
// server, show the rest).
import type { BySource, Cell, InferredDate, SourceRow, ThemeRef, Timeline, TimelinePeriod } from "@/lib/queries/analytics";

export type ChartCell = Pick<Cell, "theme" | "value" | "ci" | "articles" | "words" | "taggedWords" | "articlesWithTheme">;
export type ChartPeriod = Pick<TimelinePeriod, "period" | "label" | "articles" | "words" | "uncoded" | "inferredCount"> & {
  inferred: Pick<InferredDate, "title">[];
  cells: ChartCell[];
};
export type ChartTimeline = { themes: ThemeRef[]; periods: ChartPeriod[] };
export type ChartSource = Pick<SourceRow, "source" | "name" | "articles" | "words" | "uncoded" | "inferred"> & { cells: ChartCell[] };
export type ChartBySource = { themes: ThemeRef[]; sources: ChartSource[] };

const cellForChart = (c: ChartCell): ChartCell => ({
  theme: c.theme,
  value: c.value,
  ci: c.ci && { low: c.ci.low, high: c.ci.high },
  articles: c.articles,
  words: c.words,
  taggedWords: c.taggedWords,
  articlesWithTheme: c.articlesWithTheme,
});

export function timelineForChart(t: Pick<Timeline, "themes" | "periods">): ChartTimeline {
  return {
    themes: t.themes,
    periods: t.periods.map((p) => ({
      period: p.period,
      label: p.label,
      articles: p.articles,
      words: p.words,
      uncoded: p.uncoded,
      inferredCount: p.inferredCount,
      inferred: p.inferred.map((a) => ({ title: a.title })),
      cells: p.cells.map(cellForChart),
    })),
  };
}

export function bySourceForChart(b: Pick<BySource, "themes" | "sources">): ChartBySource {
  return {
    themes: b.themes,
    sources: b.sources.map((s) => ({ source: s.source, name: s.name, articles: s.articles, words: s.words, uncoded: s.uncoded, inferred: s.inferred, cells: s.cells.map(cellForChart) })),
  };
}
