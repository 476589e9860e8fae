"use client";
import { startTransition, useCallback, useState } from "react";

/**
 * The width of an element, measured by a ResizeObserver (null until measured). The charts draw at
 * this width, so they render once with the ticks that fit instead of once per measurement; and the
 * render that follows a measurement is a transition, which React splits into short slices that
 * leave the page responsive, instead of one long task per chart.
 */
export function useWidth<T extends HTMLElement>(): [(el: T | null) => void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      startTransition(() => setWidth((old) => (old === w ? old : w)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
