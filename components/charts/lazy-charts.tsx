"use client";
// The charts load after the page, and each is drawn only when it comes near the screen.
// Recharts measures its container before it draws, so the server's HTML never held a chart (only
// an empty box at the chart's final height, so nothing moves when it appears). Its code (~110 KB
// gzip) and its first render are the largest piece of work the page has: kept out of the
// first-load JavaScript and out of hydration, and not done at all for a chart the reader has not
// scrolled near (on a phone both charts are below the fold). The code is fetched as soon as the
// reader does anything (scrolls, touches, clicks, types), so it is ready when a chart comes into
// view; a chart already in view (a desktop screen) is drawn at once.
import dynamic from "next/dynamic";
import { startTransition, useEffect, useRef, useState, type ComponentProps } from "react";
import type { BySourceChart as BySourceChartType } from "./by-source-chart";
import { bySourceHeight } from "./sizes";
import { MarksKey } from "./timeline-marks";
import type { TimelineChart as TimelineChartType } from "./timeline-chart";
import type { TimelineMultiples as TimelineMultiplesType } from "./timeline-multiples";

const loadBySource = () => import("./by-source-chart");
const loadTimeline = () => import("./timeline-chart");
const loadMultiples = () => import("./timeline-multiples");

function Drawing({ height, label }: { height: number | string; label: string }) {
  return (
    <div style={{ height }} className="flex items-center justify-center rounded bg-surface text-sm text-muted" data-testid="chart-loading">
      Drawing the {label}…
    </div>
  );
}

/** Height of the overlaid timeline: the plot (h-80) and the article strip (84 px). The key to its
 * marks, whose height depends on the screen's width, is drawn under the box from the start. */
const TIMELINE_HEIGHT = 320 + 84;
const MULTIPLES_HEIGHT = "40rem";

const TimelinePlot = dynamic(() => loadTimeline().then((m) => m.TimelineChart), {
  ssr: false,
  loading: () => <Drawing height={TIMELINE_HEIGHT} label="theme timeline" />,
});
const MultiplesPlot = dynamic(() => loadMultiples().then((m) => m.TimelineMultiples), {
  ssr: false,
  loading: () => <Drawing height={MULTIPLES_HEIGHT} label="theme timeline" />,
});
const BySourcePlot = dynamic(() => loadBySource().then((m) => m.BySourceChart), { ssr: false, loading: () => null });

export function TimelineChart(props: ComponentProps<typeof TimelineChartType>) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearScreen(box, loadTimeline);
  return (
    <>
      <div ref={box} style={{ minHeight: TIMELINE_HEIGHT }}>
        {near ? <TimelinePlot {...props} /> : <Drawing height={TIMELINE_HEIGHT} label="theme timeline" />}
      </div>
      <MarksKey metric={props.metric} />
    </>
  );
}

export function TimelineMultiples(props: ComponentProps<typeof TimelineMultiplesType>) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearScreen(box, loadMultiples);
  return (
    <>
      <div ref={box}>{near ? <MultiplesPlot {...props} /> : <Drawing height={MULTIPLES_HEIGHT} label="theme timeline" />}</div>
      <MarksKey metric={props.metric} />
    </>
  );
}

export function BySourceChart(props: ComponentProps<typeof BySourceChartType>) {
  const height = bySourceHeight(props.bySource);
  const box = useRef<HTMLDivElement>(null);
  const near = useNearScreen(box, loadBySource);
  return (
    <div ref={box} style={{ minHeight: height }}>
      {near ? <BySourcePlot {...props} /> : <Drawing height={height} label="chart of emphasis by source" />}
    </div>
  );
}

/** How far outside the viewport a chart starts drawing: about a third of a phone's screen. */
const NEAR_MARGIN = "300px 0px";

/**
 * True once the element is within NEAR_MARGIN of the viewport (and from then on). Until then,
 * the reader's first scroll, touch, click or key press fetches the chart's code (`load`).
 */
function useNearScreen(ref: React.RefObject<HTMLElement | null>, load: () => Promise<unknown>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === "undefined") {
      // No observer (an old browser, jsdom): draw it anyway, just after this render.
      const t = setTimeout(() => setNear(true), 0);
      return () => clearTimeout(t);
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && startTransition(() => setNear(true)), { rootMargin: NEAR_MARGIN });
    io.observe(el);
    const events = ["scroll", "pointerdown", "keydown", "touchstart", "wheel"] as const;
    const fetchCode = () => {
      for (const e of events) window.removeEventListener(e, fetchCode);
      void load();
    };
    for (const e of events) window.addEventListener(e, fetchCode, { passive: true, once: true });
    return () => {
      io.disconnect();
      for (const e of events) window.removeEventListener(e, fetchCode);
    };
  }, [ref, near, load]);
  return near;
}
