"use client";
// The marks every timeline shares: a point's dot (hollow when it rests on fewer than three coded
// articles, with a dashed ring when one of its articles has an inferred date), and axis titles.
import type { Metric } from "@/lib/filters/schema";
import { METRIC_LABELS } from "@/lib/filters/url";
import type { Datum } from "./series";

type DotProps = { cx?: number; cy?: number; payload?: unknown; value?: unknown; key?: React.Key | null };

export function themeDot(theme: string, colour: string, r: number, testId: string, onPick: (period: string) => void) {
  return function ThemeDot({ cx, cy, payload: raw, key }: DotProps) {
    const d = raw as Datum | undefined;
    if (cx === undefined || cy === undefined || cy === null || !d || d[theme] === null || d[theme] === undefined) return <g key={key ?? undefined} />;
    const thin = d.thin === true;
    return (
      <g key={key ?? undefined} className="cursor-pointer" onClick={() => onPick(String(d.period))} data-testid={`${testId}-${d.period}-${theme}`} data-thin={thin || undefined}>
        {Number(d.inferred) > 0 && <circle cx={cx} cy={cy} r={r + 3} fill="none" stroke={colour} strokeWidth={1.2} strokeDasharray="2 2" />}
        <circle cx={cx} cy={cy} r={r} fill={thin ? "var(--background)" : colour} stroke={thin ? colour : "var(--background)"} strokeWidth={thin ? 2 : 1.5} />
      </g>
    );
  };
}

export const AXIS_TICK = { fill: "currentColor", fontSize: 12 } as const;

export function yAxisTitle(metric: Metric) {
  return { value: METRIC_LABELS[metric], angle: -90, position: "insideLeft", offset: 10, style: { textAnchor: "middle", fill: "currentColor", fontSize: 12 } } as const;
}

export const GRANULARITY_TITLE = { month: "Month", quarter: "Quarter", year: "Year" } as const;

/** What the marks mean, under every timeline. */
export function MarksKey({ metric }: { metric: Metric }) {
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" data-testid="marks-key">
      {metric !== "passages" && (
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-2.5 w-4 rounded-sm bg-current opacity-20" /> 95% interval (band and whisker)
        </span>
      )}
      <span className="inline-flex items-center gap-1">
        <svg aria-hidden width="10" height="10"><circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>
        fewer than 3 coded articles
      </span>
      <span className="inline-flex items-center gap-1">
        <svg aria-hidden width="14" height="14"><circle cx="7" cy="7" r="5.5" fill="none" stroke="currentColor" strokeDasharray="2 2" /><circle cx="7" cy="7" r="2.5" fill="currentColor" /></svg>
        includes an inferred date
      </span>
      <span>gap: no coded articles</span>
    </p>
  );
}
