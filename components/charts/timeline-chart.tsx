"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Metric } from "@/lib/filters/schema";
import type { Timeline } from "@/lib/queries/analytics";
import { ChartTooltipBox } from "./chart-tooltip";
import { useDrill } from "./use-drill";

type Props = { timeline: Pick<Timeline, "periods" | "themes">; metric: Metric; baseQuery: string };
type Datum = { period: string; label: string } & Record<string, number | string>;
type DotProps = { cx?: number; cy?: number; payload?: unknown; key?: React.Key | null };

/** One line per theme over the periods; every point opens the passages behind it. */
export function TimelineChart({ timeline, metric, baseQuery }: Props) {
  const drill = useDrill(baseQuery);
  const data: Datum[] = timeline.periods.map((p) => ({
    period: p.period,
    label: p.label,
    ...Object.fromEntries(p.cells.map((c) => [c.theme, c.value])),
  }));
  const percent = metric !== "passages";

  const dot = (theme: string, colour: string, r: number, testId: string) =>
    function ThemeDot({ cx, cy, payload: raw, key }: DotProps) {
      const payload = raw as Datum | undefined;
      if (cx === undefined || cy === undefined || !payload) return <g key={key ?? undefined} />;
      return (
        <circle
          key={key ?? undefined}
          cx={cx}
          cy={cy}
          r={r}
          fill={colour}
          stroke="var(--background)"
          strokeWidth={1.5}
          className="cursor-pointer"
          data-testid={`${testId}-${payload.period}-${theme}`}
          onClick={() => drill(`period:${payload.period}:${theme}`)}
        />
      );
    };

  return (
    <div className="h-80 w-full text-muted" data-testid="timeline-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} stroke="var(--border)" interval="preserveStartEnd" />
          <YAxis
            tick={{ fill: "currentColor", fontSize: 12 }}
            stroke="var(--border)"
            allowDecimals={!percent ? false : true}
            domain={[0, "auto"]}
            unit={percent ? "%" : undefined}
            width={52}
          />
          <Tooltip
            content={({ active, label }) => {
              const p = timeline.periods.find((x) => x.label === label);
              if (!active || !p) return null;
              const sub = `${p.articles} article${p.articles === 1 ? "" : "s"}, ${p.words.toLocaleString("en")} words`;
              return <ChartTooltipBox title={p.label} subtitle={sub} metric={metric} themes={timeline.themes} cells={p.cells} />;
            }}
          />
          {timeline.themes.map((t) => (
            <Line
              key={t.slug}
              type="linear"
              dataKey={t.slug}
              name={t.name}
              stroke={t.colour}
              strokeWidth={2.5}
              dot={dot(t.slug, t.colour, 4, "point")}
              activeDot={dot(t.slug, t.colour, 6, "active-point")}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
