"use client";
import { useCallback, useState } from "react";

/**
 * The width of an element, measured by a ResizeObserver (null until measured). The timelines draw
 * at this width, so they render once with the ticks that fit instead of once per measurement.
 */
export function useWidth<T extends HTMLElement>(): [(el: T | null) => void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      setWidth((old) => (old === w ? old : w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
