import { describe, expect, it } from "vitest";
import { highlightRuns } from "@/lib/coding/highlight";

describe("highlightRuns", () => {
  it("cuts runs where passages start and end, keeping overlaps on every run they cover", () => {
    const body = "Reform the firms now. Build chips at home.";
    const runs = highlightRuns(body, [
      { id: 1, theme: "reform", start: 0, end: 21 },
      { id: 2, theme: "innovation", start: 22, end: 33 },
      { id: 3, theme: "innovation", start: 28, end: 41 },
    ]);
    expect(runs).toHaveLength(1);
    expect(runs[0].map((r) => [r.text, r.marks.map((m) => m.id), r.startsPassages])).toEqual([
      ["Reform the firms now.", [1], [1]],
      [" ", [], []],
      ["Build ", [2], [2]],
      ["chips", [2, 3], [3]],
      [" at home", [3], []],
      [".", [], []],
    ]);
  });

  it("splits paragraphs at blank lines and leaves untagged text whole", () => {
    const runs = highlightRuns("One.\n\nTwo three.", [{ id: 7, theme: "reform", start: 6, end: 9 }]);
    expect(runs.map((p) => p.map((r) => r.text))).toEqual([["One."], ["Two", " three."]]);
    expect(runs[1][0].marks.map((m) => m.id)).toEqual([7]);
  });
});
