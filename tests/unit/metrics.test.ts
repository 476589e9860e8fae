import { describe, expect, it } from "vitest";
import { articleThemeStats, countTaggedWords, countWords, mergeSpans, percent, wordSpans } from "@/lib/measure/words";

describe("countWords", () => {
  it("counts word-like segments, not punctuation or spaces", () => {
    // Hello | world | It’s | 2023
    expect(countWords("Hello, world! It’s 2023.")).toBe(4);
    // state | owned | enterprises: a hyphen splits words, as Intl.Segmenter does
    expect(countWords("state-owned enterprises")).toBe(3);
  });

  it("counts Chinese by dictionary words, not characters or spaces", () => {
    // 我们 | 要 | 深化 | 国有 | 企业 | 改革: 6 words from 11 characters with no spaces
    expect(countWords("我们要深化国有企业改革")).toBe(6);
  });

  it("is zero for empty or punctuation-only text", () => {
    expect(countWords("")).toBe(0);
    expect(countWords(" ,.;— ")).toBe(0);
  });
});

describe("mergeSpans", () => {
  it("merges overlapping and touching spans and drops empty ones", () => {
    expect(mergeSpans([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 5, end: 7 }, { start: 15, end: 25 }, { start: 30, end: 30 }])).toEqual([
      { start: 0, end: 7 },
      { start: 10, end: 25 },
    ]);
  });
});

describe("countTaggedWords", () => {
  // "Reform the firms now. Build chips at home."
  //  0     7   11    17   22    28    34 37
  const body = "Reform the firms now. Build chips at home.";
  const words = wordSpans(body);

  it("counts the words inside one passage", () => {
    expect(countTaggedWords(words, [{ start: 0, end: 21 }])).toBe(4); // Reform the firms now
  });

  it("never counts a word twice when passages overlap", () => {
    // "Build chips" (22–33) and "chips at home" (28–41): union "Build chips at home" = 4 words,
    // while the two passages alone hold 2 + 3 = 5.
    expect(countTaggedWords(words, [{ start: 22, end: 33 }, { start: 28, end: 41 }])).toBe(4);
  });

  it("counts a word that a passage only partly covers", () => {
    // "firms no" cuts "now" in half: firms, now
    expect(countTaggedWords(words, [{ start: 11, end: 19 }])).toBe(2);
  });

  it("is zero with no passages or passages over punctuation only", () => {
    expect(countTaggedWords(words, [])).toBe(0);
    expect(countTaggedWords(words, [{ start: 20, end: 22 }])).toBe(0); // ". "
  });
});

describe("articleThemeStats", () => {
  it("gives every theme a row, zeros included, with passages counted per theme", () => {
    const body = "Reform the firms now. Build chips at home.";
    const stats = articleThemeStats(
      body,
      [
        { theme: "reform", start: 0, end: 21 },
        { theme: "innovation", start: 22, end: 33 },
        { theme: "innovation", start: 28, end: 41 },
      ],
      ["innovation", "reform", "party-building"],
    );
    expect(Object.fromEntries(stats)).toEqual({
      innovation: { taggedWords: 4, passages: 2 },
      reform: { taggedWords: 4, passages: 1 },
      "party-building": { taggedWords: 0, passages: 0 },
    });
  });
});

describe("percent", () => {
  it("divides and guards against an empty denominator", () => {
    expect(percent(4, 8)).toBe(50);
    expect(percent(1, 3)).toBeCloseTo(33.333, 3);
    expect(percent(0, 0)).toBe(0);
  });
});
