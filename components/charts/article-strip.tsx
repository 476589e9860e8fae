"use client";
// The sample size of every bucket, drawn under the timeline on the same x positions: coded
// articles (what the points rest on) stacked with the articles not yet coded (left out).
import { Bar, BarChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Datum } from "./series";

// The timelines' margins, so the strip spans the same width under them.
const MARGIN = { top: 2, right: 28, bottom: 14, left: 8 };

/** The strip in words, for screen readers: "Coded articles per period: Q2 2022 1, Q3 2022 0 ...". */
function describe(data: Datum[]): string {
  const parts = data.map((d) => `${d.label} ${d.articles}${Number(d.uncoded) ? ` (+${d.uncoded} not coded)` : ""}`);
  return `Coded articles per period: ${parts.join(", ")}`;
}

/** `width`: the timeline's measured width (the strip sits under it); nothing is drawn until it is known. */
export function ArticleStrip({ data, granularityTitle, width, height = 84 }: { data: Datum[]; granularityTitle: string; width: number | null; height?: number }) {
  return (
    <div style={{ height }} data-testid="article-strip" role="img" aria-label={describe(data)}>
      {width !== null && (
        <BarChart width={width} height={height} data={data} margin={MARGIN} syncId="timeline" barCategoryGap="25%">
          <XAxis
            dataKey="label"
            tick={false}
            stroke="var(--border)"
            label={{ value: `${granularityTitle} (bars: coded articles, light: not yet coded)`, position: "insideBottom", offset: -4, style: { fill: "currentColor", fontSize: 11 } }}
          />
          <YAxis
            width={64}
            tick={{ fill: "currentColor", fontSize: 10 }}
            stroke="var(--border)"
            allowDecimals={false}
            tickCount={3}
            label={{ value: "Articles", angle: -90, position: "insideLeft", offset: 10, style: { textAnchor: "middle", fill: "currentColor", fontSize: 11 } }}
          />
          <Tooltip content={() => null} cursor={{ fill: "var(--surface)" }} />
          <Bar dataKey="articles" name="Coded articles" stackId="n" fill="var(--muted)" isAnimationActive={false} />
          <Bar dataKey="uncoded" name="Not yet coded" stackId="n" fill="var(--border)" isAnimationActive={false} />
        </BarChart>
      )}
    </div>
  );
}
