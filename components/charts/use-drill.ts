"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { drillHref } from "@/lib/filters/drill";

/** Opens the passages behind a point or bar by writing the drill-down into the URL. */
export function useDrill(baseQuery: string) {
  const router = useRouter();
  return useCallback(
    (drill: string) => {
      router.push(drillHref(baseQuery, drill), { scroll: false });
    },
    [router, baseQuery],
  );
}
