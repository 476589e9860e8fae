"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Metric } from "@/lib/filters/schema";
import type { BySource } from "@/lib/queries/analytics";
import { ChartTooltipBox } from "./chart-tooltip";
import { useDrill } from "./use-drill";

type Props = { bySource: Pick<BySource, "sources" | "themes">; metric: Metric; baseQuery: string };

/** Grouped bars: one group per source organization, one bar per theme; bars open their passages. */
export function BySourceChart({ bySource, metric, baseQuery }: Props) {
  const drill = useDrill(baseQuery);
  const data = bySource.sources.map((s) => ({
    source: s.source,
    name: s.name,
    ...Object.fromEntries(s.cells.map((c) => [c.theme, c.value])),
  }));
  const percent = metric !== "passages";
  const height = Math.max(240, 90 + bySource.sources.length * 28 * Math.max(1, bySource.themes.length / 2));
  return (
    <div className="w-full text-muted" style={{ height }} data-testid="by-source-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap="20%">
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fill: "currentColor", fontSize: 12 }} stroke="var(--border)" unit={percent ? "%" : undefined} domain={[0, "auto"]} allowDecimals={percent} />
          <YAxis type="category" dataKey="name" tick={{ fill: "currentColor", fontSize: 12 }} stroke="var(--border)" width={130} />
          <Tooltip
            cursor={{ fill: "var(--surface)" }}
            content={({ active, label }) => {
              const s = bySource.sources.find((x) => x.name === label);
              if (!active || !s) return null;
              const sub = `${s.articles} article${s.articles === 1 ? "" : "s"}, ${s.words.toLocaleString("en")} words`;
              return <ChartTooltipBox title={s.name} subtitle={sub} metric={metric} themes={bySource.themes} cells={s.cells} />;
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
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
