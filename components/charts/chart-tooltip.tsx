"use client";
import type { Metric } from "@/lib/filters/schema";
import { formatValue } from "@/lib/measure/totals";
import type { ThemeRef } from "@/lib/queries/analytics";
import type { ChartCell } from "./chart-data";
import { intervalText } from "./interval-text";

/** What one point or bar stands for: the value and the denominator it was divided by. */
export function denominatorText(metric: Metric, c: ChartCell): string {
  if (c.articles === 0) return "no coded articles";
  if (metric === "share") return `${c.taggedWords.toLocaleString("en")} of ${c.words.toLocaleString("en")} words`;
  if (metric === "articles") return `${c.articlesWithTheme} of ${c.articles} articles`;
  return `in ${c.articles} article${c.articles === 1 ? "" : "s"}`;
}

export function ChartTooltipBox({
  title,
  subtitle,
  metric,
  themes,
  cells,
  notes = [],
}: {
  title: string;
  subtitle: string;
  metric: Metric;
  themes: ThemeRef[];
  cells: ChartCell[];
  notes?: string[];
}) {
  return (
    <div className="max-w-md rounded border border-border bg-background px-3 py-2 text-xs text-foreground shadow-lg">
      <p className="font-semibold">{title}</p>
      <p className="mb-1 text-muted">{subtitle}</p>
      <ul className="space-y-0.5">
        {themes.map((t) => {
          const c = cells.find((x) => x.theme === t.slug);
          if (!c) return null;
          const ci = intervalText(metric, c);
          return (
            <li key={t.slug} className="flex flex-wrap items-center gap-x-2">
              <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: t.colour }} />
              <span className="min-w-28">{t.name}</span>
              <span className="font-medium tabular-nums">{formatValue(metric, c.value)}</span>
              <span className="text-muted">({denominatorText(metric, c)})</span>
              {ci && <span className="w-full pl-4.5 text-muted">{ci}</span>}
            </li>
          );
        })}
      </ul>
      {notes.map((n) => (
        <p key={n} className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          {n}
        </p>
      ))}
      <p className="mt-1 text-muted">Click to see the passages.</p>
    </div>
  );
}
