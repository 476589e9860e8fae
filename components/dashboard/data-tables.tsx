// The accessible twins of the charts: the same numbers, with every value a link to the
// passages behind it (the keyboard way into the drill-down).
import { formatValue } from "@/lib/measure/totals";
import { drillHref } from "@/lib/filters/drill";
import type { Metric } from "@/lib/filters/schema";
import type { BySource, Cell, ThemeRef, Timeline } from "@/lib/queries/analytics";
import { THIN_N } from "@/lib/measure/interval-notes";
import { inferredNames, intervalText } from "../charts/interval-text";
import { ThemeHeaders } from "../theme-headers";

/** The n of a row, with the marks a chart point carries: thin evidence, inferred dates (named on hover). */
function NCell({ articles, uncoded, inferredCount, inferred }: { articles: number; uncoded: number; inferredCount: number; inferred: string[] }) {
  return (
    <td className="px-3 py-1.5 text-right tabular-nums">
      {articles}
      {uncoded > 0 && <span className="block text-xs text-muted">+{uncoded} not coded</span>}
      {articles > 0 && articles < THIN_N && <span className="block text-xs text-amber-800 dark:text-amber-300">fewer than {THIN_N}</span>}
      {inferredCount > 0 && (
        <span className="block text-xs text-amber-800 dark:text-amber-300" title={inferred.join("; ") || undefined}>
          {inferredCount} inferred date{inferredCount === 1 ? "" : "s"}
        </span>
      )}
    </td>
  );
}

function denominator(metric: Metric, c: Cell): string {
  if (metric === "share") return `${c.taggedWords.toLocaleString("en")} / ${c.words.toLocaleString("en")} words`;
  if (metric === "articles") return `${c.articlesWithTheme} / ${c.articles} articles`;
  return `${c.articles} articles`;
}

function ValueCell({ metric, cell, href, theme }: { metric: Metric; cell: Cell; href: string; theme: ThemeRef }) {
  if (cell.value === null) {
    return (
      <td className="px-3 py-1.5 text-right text-muted" data-theme={theme.slug} data-value="">
        no articles
      </td>
    );
  }
  const ci = intervalText(metric, cell);
  return (
    <td className="px-3 py-1.5 text-right tabular-nums" data-theme={theme.slug} data-value={cell.value}>
      {cell.passages > 0 ? (
        <a href={href} aria-label={`${theme.name}: ${formatValue(metric, cell.value)}, show ${cell.passages} passages`}>
          {formatValue(metric, cell.value)}
        </a>
      ) : (
        formatValue(metric, cell.value)
      )}
      <span className="block text-xs text-muted">{denominator(metric, cell)}</span>
      {ci && <span className="block text-xs text-muted" data-ci>{ci}</span>}
    </td>
  );
}


export function TimelineTable({ timeline, baseQuery }: { timeline: Timeline; baseQuery: string }) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="timeline-table">
      <caption className="sr-only">Theme timeline data</caption>
      <thead className="bg-surface text-left">
        <tr>
          <th scope="col" className="px-3 py-1.5 font-medium">Period</th>
          <th scope="col" className="px-3 py-1.5 text-right font-medium">Coded articles</th>
          <th scope="col" className="px-3 py-1.5 text-right font-medium">Words</th>
          <ThemeHeaders themes={timeline.themes} cellClassName="px-3 py-1.5" />
        </tr>
      </thead>
      <tbody>
        {timeline.periods.map((p) => (
          <tr key={p.period} className="border-t border-border" data-period={p.period}>
            <th scope="row" className="px-3 py-1.5 text-left font-normal">{p.label}</th>
            <NCell articles={p.articles} uncoded={p.uncoded} inferredCount={p.inferredCount} inferred={inferredNames(p)} />
            <td className="px-3 py-1.5 text-right tabular-nums">{p.words.toLocaleString("en")}</td>
            {timeline.themes.map((t, i) => (
              <ValueCell key={t.slug} metric={timeline.metric} cell={p.cells[i]} theme={t} href={drillHref(baseQuery, `period:${p.period}:${t.slug}`)} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BySourceTable({ bySource, baseQuery }: { bySource: BySource; baseQuery: string }) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="by-source-table">
      <caption className="sr-only">Theme emphasis by source data</caption>
      <thead className="bg-surface text-left">
        <tr>
          <th scope="col" className="px-3 py-1.5 font-medium">Source</th>
          <th scope="col" className="px-3 py-1.5 text-right font-medium">Coded articles</th>
          <th scope="col" className="px-3 py-1.5 text-right font-medium">Words</th>
          <ThemeHeaders themes={bySource.themes} cellClassName="px-3 py-1.5" />
        </tr>
      </thead>
      <tbody>
        {bySource.sources.map((s) => (
          <tr key={s.source} className="border-t border-border" data-source={s.source}>
            <th scope="row" className="px-3 py-1.5 text-left font-normal">{s.name}</th>
            <NCell articles={s.articles} uncoded={s.uncoded} inferredCount={s.inferred} inferred={[]} />
            <td className="px-3 py-1.5 text-right tabular-nums">{s.words.toLocaleString("en")}</td>
            {bySource.themes.map((t, i) => (
              <ValueCell key={t.slug} metric={bySource.metric} cell={s.cells[i]} theme={t} href={drillHref(baseQuery, `source:${s.source}:${t.slug}`)} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
