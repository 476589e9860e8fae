"use client";
// Marks the passage a link points at, however the reader was reached: `#passage-<id>`,
// `#p-<id>` or `?passage=<id>`, on a full page load or after in-app navigation. CSS `:target`
// alone misses the in-app case: next/link changes the URL with history.pushState, which moves
// neither `:target` nor (for `#p-`, which names no element) the scroll position.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";

/** The passage id a reader URL points at, or null. */
export function targetPassage(hash: string, params: URLSearchParams | null): number | null {
  const fromHash = /^#(?:passage|p)-(\d+)$/.exec(hash)?.[1];
  const raw = fromHash ?? params?.get("passage") ?? null;
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

export function ReaderTarget({ bodyId }: { bodyId: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  useEffect(() => {
    const mark = () => {
      const body = document.getElementById(bodyId);
      if (!body) return;
      const id = targetPassage(window.location.hash, new URLSearchParams(window.location.search));
      body.querySelectorAll("[data-target]").forEach((el) => el.removeAttribute("data-target"));
      if (id === null) return;
      const runs = [...body.querySelectorAll<HTMLElement>("mark[data-ids]")].filter((el) => el.dataset.ids!.split(" ").includes(String(id)));
      runs.forEach((el) => el.setAttribute("data-target", ""));
      runs[0]?.scrollIntoView({ block: "center" });
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, [bodyId, pathname, params]);
  return null;
}
