import { describe, expect, it } from "vitest";
import { checkSearchQuery, hitsFromMarked, normalizeQuery, searchIndexFor } from "@/lib/search/query";

describe("normalizeQuery", () => {
  it.each([
    ["state-owned enterprises", '"state-owned" enterprises'],
    ['"state-owned" reform', '"state-owned" reform'],
    ["self-relian*", '"self-relian"*'],
    ["(Party's OR innovation) NOT reform", '("Party\'s" OR innovation) NOT reform'],
    ["14th/15th plan", '"14th/15th" plan'],
    // a leading minus is left for FTS5 to refuse, not quietly turned into a positive term
    ["-reform", "-reform"],
    ["NEAR(party leadership, 3)", "NEAR(party leadership, 3)"],
  ])("%s -> %s", (q, expected) => expect(normalizeQuery(q)).toBe(expected));
});

describe("searchIndexFor and checkSearchQuery", () => {
  it("sends CJK text to the trigram index", () => {
    expect(searchIndexFor("国有企业")).toBe("trigram");
    expect(searchIndexFor("reform")).toBe("words");
  });
  it("refuses what would fail or silently match nothing", () => {
    expect(checkSearchQuery([])).toMatchObject({ ok: false, issue: { parameter: "q" } });
    expect(checkSearchQuery(["  "])).toMatchObject({ ok: false });
    expect(checkSearchQuery(["a", "b"])).toMatchObject({ ok: false, issue: { message: "may be given only once" } });
    expect(checkSearchQuery(["改革"])).toMatchObject({ ok: false });
    expect(checkSearchQuery(["x\u0001"])).toMatchObject({ ok: false });
    expect(checkSearchQuery([" 国有企业 "])).toEqual({ ok: true, q: "国有企业" });
  });
});

describe("hitsFromMarked", () => {
  it("turns marks into offsets of the unmarked text, with context cut to n characters", () => {
    expect(hitsFromMarked("ab\u0002cd\u0003ef \u0002g\u0003", "\u0002", "\u0003", 2)).toEqual([
      { start: 2, end: 4, match: "cd", left: "ab", right: "ef" },
      { start: 7, end: 8, match: "g", left: "f ", right: "" },
    ]);
  });
  it("folds line breaks in the context and never splits a surrogate pair", () => {
    const [h] = hitsFromMarked("😀x\n\n[y]z😀", "[", "]", 3);
    expect(h).toMatchObject({ start: 5, end: 6, match: "y", left: "x ", right: "z😀" });
    // two units to the right would end inside the emoji: the cut falls before it
    expect(hitsFromMarked("😀x\n\n[y]z😀", "[", "]", 2)[0].right).toBe("z");
    // four units to the left would start inside the emoji: the cut falls after it
    expect(hitsFromMarked("😀x[y]", "[", "]", 2)[0].left).toBe("x");
  });
});
