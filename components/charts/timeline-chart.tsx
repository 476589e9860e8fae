"use client";
import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { Granularity, Metric } from "@/lib/filters/schema";
import type { ChartTimeline } from "./chart-data";
import { ChartTooltipBox } from "./chart-tooltip";
import { inferredNames, pointNotes } from "./interval-text";
import { ArticleStrip } from "./article-strip";
import { ciKey, errKey, timelineData, type Datum } from "./series";
import { evenTicks, plotWidthOf } from "./ticks";
import { AXIS_TICK, GRANULARITY_TITLE, themeDot, yAxisTitle } from "./timeline-marks";
import { useDrill } from "./use-drill";
import { useWidth } from "./use-width";

type Props = { timeline: ChartTimeline; metric: Metric; granularity: Granularity; baseQuery: string };

// The right margin holds half of the widest label ("Sep 2023") when the last period is labelled.
export const TIMELINE_MARGIN = { top: 10, right: 28, bottom: 4, left: 8 };
export const Y_AXIS_WIDTH = 64;

/** The tooltip of one period, for every timeline panel. */
export function periodTooltip(timeline: Props["timeline"], metric: Metric, themes = timeline.themes) {
  return function PeriodTooltip({ active, label }: { active?: boolean; label?: unknown }) {
    const p = timeline.periods.find((x) => x.label === label);
    if (!active || !p) return null;
    const sub =
      `${p.articles} coded article${p.articles === 1 ? "" : "s"}, ${p.words.toLocaleString("en")} words` +
      (p.uncoded ? ` · ${p.uncoded} not yet coded, left out` : "");
    return <ChartTooltipBox title={p.label} subtitle={sub} metric={metric} themes={themes} cells={p.cells} notes={pointNotes(p.articles, inferredNames(p))} />;
  };
}

/** The x-axis labels of a timeline drawn `width` pixels wide: evenly spaced, never overlapping. */
export function timelineTicks(data: Datum[], granularity: Granularity, width: number): string[] {
  const periods = data.map((d) => ({ period: String(d.period), label: String(d.label) }));
  return evenTicks(periods, granularity, plotWidthOf(width, Y_AXIS_WIDTH, TIMELINE_MARGIN));
}

/** One line per theme over the periods, with its 95% band; every point opens the passages behind it. */
export function TimelineChart({ timeline, metric, granularity, baseQuery }: Props) {
  const drill = useDrill(baseQuery);
  const data = timelineData(timeline);
  const percent = metric !== "passages";
  const [box, width] = useWidth<HTMLDivElement>();
  return (
    <div className="w-full text-muted" data-testid="timeline-chart">
      <div className="h-80" ref={box}>
        {width !== null && (
          <ComposedChart width={width} height={320} data={data} margin={TIMELINE_MARGIN} syncId="timeline">
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" ticks={timelineTicks(data, granularity, width)} interval={0} />
            <YAxis tick={AXIS_TICK} stroke="var(--border)" allowDecimals={percent} domain={[0, "auto"]} unit={percent ? "%" : undefined} width={Y_AXIS_WIDTH} label={yAxisTitle(metric)} />
            <Tooltip content={periodTooltip(timeline, metric)} />
            {percent &&
              timeline.themes.map((t) => (
                <Area key={`${t.slug}-ci`} dataKey={ciKey(t.slug)} stroke="none" fill={t.colour} fillOpacity={0.14} isAnimationActive={false} activeDot={false} legendType="none" tooltipType="none" connectNulls={false} />
              ))}
            {timeline.themes.map((t) => (
              <Line
                key={t.slug}
                type="linear"
                dataKey={t.slug}
                name={t.name}
                stroke={t.colour}
                strokeWidth={2.5}
                connectNulls={false}
                dot={themeDot(t.slug, t.colour, 4, "point", (period) => drill(`period:${period}:${t.slug}`))}
                activeDot={themeDot(t.slug, t.colour, 6, "active-point", (period) => drill(`period:${period}:${t.slug}`))}
                isAnimationActive={false}
              >
                {/* The band shows intervals along a run of points; the whisker shows them on every point, isolated ones too. */}
                {percent && <ErrorBar dataKey={errKey(t.slug)} direction="y" width={4} strokeWidth={1.2} stroke={t.colour} />}
              </Line>
            ))}
          </ComposedChart>
        )}
      </div>
      <ArticleStrip data={data} granularityTitle={GRANULARITY_TITLE[granularity]} width={width} />
    </div>
  );
}
