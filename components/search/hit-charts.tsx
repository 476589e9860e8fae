"use client";
// A formulation's own trajectory, drawn like the theme timeline: hits per 10,000 words of
// the coded articles of each period (a gap where a period has none), and the same by source.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { evenTicks, granularityOf, plotWidthOf } from "../charts/ticks";
import { useWidth } from "../charts/use-width";
import type { SearchPeriod, SearchSource } from "@/lib/queries/search";
import { AXIS_TICK } from "../charts/timeline-marks";

const COLOUR = "#0072B2";

type Row = { label: string; per10k: number | null; hits: number | null; articles: number; articlesWithHits: number | null };

function HitTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Row }[] }) {
  const r = payload?.[0]?.payload;
  if (!active || !r) return null;
  return (
    <div className="rounded border border-border bg-background p-2 text-xs text-foreground shadow">
      <p className="font-semibold">{r.label}</p>
      {r.hits === null ? (
        <p>no coded articles</p>
      ) : (
        <>
          <p>
            {r.hits} hit{r.hits === 1 ? "" : "s"} in {r.articlesWithHits} of {r.articles} coded article{r.articles === 1 ? "" : "s"}
          </p>
          <p>{r.per10k === null ? "no words" : `${r.per10k.toFixed(2)} per 10,000 words`}</p>
        </>
      )}
    </div>
  );
}

const yLabel = { value: "Hits per 10,000 words", angle: -90, position: "insideLeft", offset: 10, style: { textAnchor: "middle", fill: "currentColor", fontSize: 12 } } as const;

const HIT_MARGIN = { top: 10, right: 28, bottom: 4, left: 8 };

export function HitTimeline({ periods }: { periods: SearchPeriod[] }) {
  const data: Row[] = periods.map((p) => ({ label: p.label, per10k: p.per10k, hits: p.hits, articles: p.articles, articlesWithHits: p.articlesWithHits }));
  // Labels at even calendar steps, as on the theme timeline.
  const [box, width] = useWidth<HTMLDivElement>();
  const ticks = width === null || !periods.length ? [] : evenTicks(periods, granularityOf(periods[0].period), plotWidthOf(width, 64, HIT_MARGIN));
  return (
    <div className="h-72 w-full text-muted" data-testid="hit-timeline" ref={box}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={HIT_MARGIN}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" ticks={ticks} interval={0} />
          <YAxis tick={AXIS_TICK} stroke="var(--border)" domain={[0, "auto"]} width={64} label={yLabel} />
          <Tooltip content={HitTooltip} />
          <Line type="linear" dataKey="per10k" name="Hits per 10,000 words" stroke={COLOUR} strokeWidth={2.5} connectNulls={false} dot={{ r: 4, fill: COLOUR }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function HitBySource({ sources }: { sources: SearchSource[] }) {
  const data: Row[] = sources.map((s) => ({
    label: s.articles ? `${s.name} (n=${s.articles})` : `${s.name} (no coded articles)`,
    per10k: s.per10k,
    hits: s.hits,
    articles: s.articles,
    articlesWithHits: s.articlesWithHits,
  }));
  return (
    <div className="w-full text-muted" style={{ height: Math.max(160, 48 * data.length + 40) }} data-testid="hit-by-source">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} stroke="var(--border)" domain={[0, "auto"]} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} stroke="var(--border)" width={180} />
          <Tooltip content={HitTooltip} cursor={{ fill: "var(--surface)" }} />
          <Bar dataKey="per10k" name="Hits per 10,000 words" fill={COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
