// The chart components get only what they draw and their tooltips say: the interval sums and
// the period bounds stay on the server (they made the page's inline payload heavier for nothing).
import { describe, expect, it } from "vitest";
import { bySourceForChart, timelineForChart } from "@/components/charts/chart-data";
import { denominatorText } from "@/components/charts/chart-tooltip";
import { intervalText } from "@/components/charts/interval-text";
import type { Cell } from "@/lib/queries/analytics";

const cell: Cell = { theme: "reform", articles: 3, words: 1000, taggedWords: 120, passages: 4, articlesWithTheme: 2, taggedSq: 5000, taggedWordsCross: 40000, wordsSq: 340000, value: 12, ci: { low: 3.5, high: 20.25 } };
const themes = [{ slug: "reform", name: "Reform", colour: "#2ca02c" }];

describe("chart data", () => {
  it("a timeline keeps labels, n, inferred titles and each cell's value, interval and denominators", () => {
    const t = timelineForChart({
      themes,
      periods: [{ period: "2023-Q2", label: "Q2 2023", start: "2023-04-01", end: "2023-06-30", articles: 3, words: 1000, uncoded: 1, inferredCount: 1, inferred: [{ slug: "a", title: "A title" }], cells: [cell] }],
    });
    expect(t).toEqual({
      themes,
      periods: [
        {
          period: "2023-Q2",
          label: "Q2 2023",
          articles: 3,
          words: 1000,
          uncoded: 1,
          inferredCount: 1,
          inferred: [{ title: "A title" }],
          cells: [{ theme: "reform", value: 12, ci: { low: 3.5, high: 20.25 }, articles: 3, words: 1000, taggedWords: 120, articlesWithTheme: 2 }],
        },
      ],
    });
    // The tooltip says the same from the slim cell as from the full one.
    const slim = t.periods[0].cells[0];
    for (const m of ["share", "articles", "passages"] as const) {
      expect(denominatorText(m, slim)).toBe(denominatorText(m, cell));
      expect(intervalText(m, slim)).toBe(intervalText(m, cell));
    }
  });

  it("a by-source table keeps each source's name, n and cells", () => {
    const b = bySourceForChart({ themes, sources: [{ source: "sasac", name: "SASAC", articles: 3, words: 1000, uncoded: 0, inferred: 0, cells: [{ ...cell, ci: null }] }] });
    expect(b.sources[0]).toEqual({ source: "sasac", name: "SASAC", articles: 3, words: 1000, uncoded: 0, inferred: 0, cells: [{ theme: "reform", value: 12, ci: null, articles: 3, words: 1000, taggedWords: 120, articlesWithTheme: 2 }] });
  });
});
