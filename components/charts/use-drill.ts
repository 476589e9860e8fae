"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";

/** Opens the passages behind a point or bar by writing the drill-down into the URL. */
export function useDrill(baseQuery: string) {
  const router = useRouter();
  return useCallback(
    (drill: string) => {
      const q = new URLSearchParams(baseQuery);
      q.set("drill", drill);
      router.push(`?${q.toString()}#passages`, { scroll: false });
    },
    [router, baseQuery],
  );
}
