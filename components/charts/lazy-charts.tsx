"use client";
// The charts load after the page. Recharts measures its container before it draws, so the
// server's HTML never held a chart (only an empty box); loading the charts' code once the page
// has hydrated therefore shows the same first paint, while keeping Recharts (~110 KB gzip) out
// of the first-load JavaScript and its first render out of hydration. Each chart keeps its box
// at its final height meanwhile, so nothing moves when it appears. The emphasis-by-source chart
// is drawn only when it comes near the screen: on a phone it is far below the fold.
import dynamic from "next/dynamic";
import { startTransition, useEffect, useRef, useState, type ComponentProps } from "react";
import type { BySourceChart as BySourceChartType } from "./by-source-chart";
import { bySourceHeight } from "./sizes";
import type { TimelineChart as TimelineChartType } from "./timeline-chart";
import type { TimelineMultiples as TimelineMultiplesType } from "./timeline-multiples";

const loadBySource = () => import("./by-source-chart");

function Drawing({ height, label }: { height: number | string; label: string }) {
  return (
    <div style={{ height }} className="flex items-center justify-center rounded bg-surface text-sm text-muted" data-testid="chart-loading">
      Drawing the {label}…
    </div>
  );
}

/** Height of the overlaid timeline: the plot (h-80), the article strip (84 px) and the marks key. */
const TIMELINE_HEIGHT = 320 + 84 + 20;

const TimelinePlot = dynamic(() => import("./timeline-chart").then((m) => m.TimelineChart), {
  ssr: false,
  loading: () => <Drawing height={TIMELINE_HEIGHT} label="theme timeline" />,
});
const MultiplesPlot = dynamic(() => import("./timeline-multiples").then((m) => m.TimelineMultiples), {
  ssr: false,
  loading: () => <Drawing height="40rem" label="theme timeline" />,
});
const BySourcePlot = dynamic(() => loadBySource().then((m) => m.BySourceChart), { ssr: false, loading: () => null });

export function TimelineChart(props: ComponentProps<typeof TimelineChartType>) {
  return (
    <div style={{ minHeight: TIMELINE_HEIGHT }}>
      <TimelinePlot {...props} />
    </div>
  );
}

export function TimelineMultiples(props: ComponentProps<typeof TimelineMultiplesType>) {
  return <MultiplesPlot {...props} />;
}

export function BySourceChart(props: ComponentProps<typeof BySourceChartType>) {
  const height = bySourceHeight(props.bySource);
  const box = useRef<HTMLDivElement>(null);
  const near = useNearScreen(box);
  useEffect(() => {
    // Fetch the code while the browser is idle, so the chart is ready when it is scrolled to.
    const id = requestIdle(() => void loadBySource());
    return () => cancelIdle(id);
  }, []);
  return (
    <div ref={box} style={{ minHeight: height }}>
      {near ? <BySourcePlot {...props} /> : <Drawing height={height} label="chart of emphasis by source" />}
    </div>
  );
}

/** True once the element is within about a screen of the viewport (and from then on). */
function useNearScreen(ref: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === "undefined") {
      // No observer (an old browser, jsdom): draw it anyway, just after this render.
      const t = setTimeout(() => setNear(true), 0);
      return () => clearTimeout(t);
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && startTransition(() => setNear(true)), { rootMargin: "600px 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, near]);
  return near;
}

const requestIdle = (fn: () => void): number =>
  typeof requestIdleCallback === "function" ? requestIdleCallback(fn, { timeout: 3000 }) : window.setTimeout(fn, 1000);
const cancelIdle = (id: number) => (typeof cancelIdleCallback === "function" ? cancelIdleCallback(id) : clearTimeout(id));
