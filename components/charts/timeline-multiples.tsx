"use client";
// Small multiples: one small timeline per theme on shared axes, so lines that lie on top of
// each other in the overlaid chart (e.g. the articles metric) can each be read.
import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { Granularity, Metric } from "@/lib/filters/schema";
import type { ChartTimeline } from "./chart-data";
import { ArticleStrip } from "./article-strip";
import { ciKey, errKey, sharedMax, timelineData } from "./series";
import { periodTooltip, TIMELINE_MARGIN, timelineTicks, Y_AXIS_WIDTH } from "./timeline-chart";
import { METRIC_LABELS } from "@/lib/filters/url";
import { AXIS_TICK, GRANULARITY_TITLE, themeDot } from "./timeline-marks";
import { useDrill } from "./use-drill";
import { useWidth } from "./use-width";

type Props = { timeline: ChartTimeline; metric: Metric; granularity: Granularity; baseQuery: string };

export function TimelineMultiples({ timeline, metric, granularity, baseQuery }: Props) {
  const drill = useDrill(baseQuery);
  const data = timelineData(timeline);
  const percent = metric !== "passages";
  const max = sharedMax(timeline);
  const top = percent ? Math.min(100, Math.ceil(max / 5) * 5 || 5) : Math.max(1, Math.ceil(max));
  // Every panel has the first panel's width (one grid column), so all label the same periods.
  const [box, width] = useWidth<HTMLDivElement>();
  const ticks = width === null ? [] : timelineTicks(data, granularity, width);
  return (
    <div className="w-full text-muted" data-testid="timeline-multiples">
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
        {timeline.themes.map((t, i) => (
          <figure key={t.slug} data-testid={`multiple-${t.slug}`}>
            <figcaption className="flex items-center gap-1.5 text-sm font-medium text-foreground">
              <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: t.colour }} />
              {t.name}
              <span className="font-normal text-muted">· {METRIC_LABELS[metric]}</span>
            </figcaption>
            <div className="h-44" ref={i === 0 ? box : undefined}>
              {width !== null && (
                <ComposedChart width={width} height={176} data={data} margin={TIMELINE_MARGIN} syncId="timeline">
                  <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
                  <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" ticks={ticks} interval={0} />
                  <YAxis tick={AXIS_TICK} stroke="var(--border)" domain={[0, top]} allowDecimals={percent} unit={percent ? "%" : undefined} width={Y_AXIS_WIDTH} />
                  <Tooltip content={periodTooltip(timeline, metric, [t])} />
                  {percent && <Area dataKey={ciKey(t.slug)} stroke="none" fill={t.colour} fillOpacity={0.18} isAnimationActive={false} activeDot={false} tooltipType="none" connectNulls={false} />}
                  <Line
                    type="linear"
                    dataKey={t.slug}
                    name={t.name}
                    stroke={t.colour}
                    strokeWidth={2.5}
                    connectNulls={false}
                    dot={themeDot(t.slug, t.colour, 3.5, "point", (period) => drill(`period:${period}:${t.slug}`))}
                    activeDot={themeDot(t.slug, t.colour, 5, "active-point", (period) => drill(`period:${period}:${t.slug}`))}
                    isAnimationActive={false}
                  >
                    {percent && <ErrorBar dataKey={errKey(t.slug)} direction="y" width={4} strokeWidth={1.2} stroke={t.colour} />}
                  </Line>
                </ComposedChart>
              )}
            </div>
          </figure>
        ))}
        <figure>
          <figcaption className="text-sm font-medium text-foreground">Coded articles per {GRANULARITY_TITLE[granularity].toLowerCase()}</figcaption>
          <ArticleStrip data={data} granularityTitle={GRANULARITY_TITLE[granularity]} width={width} />
        </figure>
      </div>
    </div>
  );
}
