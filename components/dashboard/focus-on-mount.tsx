"use client";
import { useEffect, useRef } from "react";

/** A heading that takes focus and scrolls into view when it appears (a drill-down opening). */
export function FocusOnMount({ id, className, children }: { id: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [children]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={`outline-none ${className ?? ""}`}>
      {children}
    </h2>
  );
}
