"use client";
import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from "recharts";
import { METRIC_LABELS, type Metric } from "@/lib/filters/url";
import type { ChartBySource } from "./chart-data";
import { ChartTooltipBox } from "./chart-tooltip";
import { pointNotes } from "./interval-text";
import { bySourceData, errKey } from "./series";
import { bySourceHeight } from "./sizes";
import { AXIS_TICK } from "./timeline-marks";
import { useDrill } from "./use-drill";
import { useWidth } from "./use-width";

type Props = { bySource: ChartBySource; metric: Metric; baseQuery: string };

/** Grouped bars: one group per source organization (labelled with its n), one bar per theme in codebook order, 95% whiskers. */
export function BySourceChart({ bySource, metric, baseQuery }: Props) {
  const drill = useDrill(baseQuery);
  const data = bySourceData(bySource);
  const percent = metric !== "passages";
  const height = bySourceHeight(bySource);
  const [box, width] = useWidth<HTMLDivElement>();
  // On a phone the source names take two lines (name, then n), leaving the bars room to read.
  const narrow = width !== null && width < 480;
  return (
    <div className="w-full text-muted" style={{ height }} data-testid="by-source-chart" ref={box}>
      {width !== null && (
        <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 4, right: 28, bottom: 24, left: 8 }} barCategoryGap="20%">
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            tick={AXIS_TICK}
            stroke="var(--border)"
            unit={percent ? "%" : undefined}
            domain={[0, "auto"]}
            allowDecimals={percent}
            label={{ value: METRIC_LABELS[metric], position: "insideBottom", offset: -16, style: { fill: "currentColor", fontSize: 12 } }}
          />
          <YAxis type="category" dataKey="name" tick={narrow ? SourceTick : AXIS_TICK} stroke="var(--border)" width={narrow ? 112 : 150} />
          <Tooltip
            cursor={{ fill: "var(--surface)" }}
            content={({ active, label }) => {
              const s = bySource.sources.find((_, i) => data[i].name === label);
              if (!active || !s) return null;
              const sub =
                `${s.articles} coded article${s.articles === 1 ? "" : "s"}, ${s.words.toLocaleString("en")} words` +
                (s.uncoded ? ` · ${s.uncoded} not yet coded, left out` : "");
              const inferred = s.inferred ? [`${s.inferred} article${s.inferred === 1 ? "" : "s"}`] : [];
              return <ChartTooltipBox title={s.name} subtitle={sub} metric={metric} themes={bySource.themes} cells={s.cells} notes={pointNotes(s.articles, inferred)} />;
            }}
          />
          {bySource.themes.map((t) => (
            <Bar
              key={t.slug}
              dataKey={t.slug}
              name={t.name}
              fill={t.colour}
              className="cursor-pointer"
              isAnimationActive={false}
              onClick={(entry: { payload?: { source?: string } }) => {
                if (entry.payload?.source) drill(`source:${entry.payload.source}:${t.slug}`);
              }}
            >
              {percent && <ErrorBar dataKey={errKey(t.slug)} direction="x" width={5} strokeWidth={1.5} stroke="var(--foreground)" />}
            </Bar>
          ))}
        </BarChart>
      )}
    </div>
  );
}

/** A source's name over its n ("SASAC" / "(n=3)"), for narrow charts. */
function SourceTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const value = String(payload?.value ?? "");
  const m = /^(.*) (\((?:n=\d+|no coded articles)\))$/.exec(value);
  return (
    <text x={x} y={y} textAnchor="end" fill="currentColor" fontSize={12} dx={-4}>
      <tspan x={x} dy={m ? -3 : 4}>{m ? m[1] : value}</tspan>
      {m && (
        <tspan x={x} dy={14}>
          {m[2]}
        </tspan>
      )}
    </text>
  );
}
