// Segmenting in bounded pieces must give exactly the segments of one whole-string call:
// the same words at the same offsets, on the seed corpus and on texts built to stress the
// cuts (Chinese, punctuation, no-break and ideographic spaces, combining marks, emoji,
// flags, long runs without any space).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { countWords, SEGMENT_CHUNK, wordSpans, wordSpansWhole } from "@/lib/measure/words";
import { parseArticle } from "@/lib/corpus/parse-article";

const SEEDS = path.join(import.meta.dirname, "../../seeds/articles");

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ["reform", "state-owned", "can't", "3.14", "1,000", "U.S.", "R&D", "e\u0301te\u0301", "naïve", "中国五矿集团", "国有企业改革", "创新", "の", "カタカナ", "한국어", "👩‍🔬", "🇨🇳🇺🇸", "👍🏽", "a\uFEFFb", "x_y", "—", "“quoted”", "(paren)", "end.", "why?", "。", "，", "、"];
const GAPS = [" ", " ", " ", "\n", "\n\n", "\u00A0", "\u3000", "\t", "\r\n", "  ", " \u0301", "\u202F", ""];

function generated(seed: number, length: number): string {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let out = "";
  while (out.length < length) {
    const roll = r();
    if (roll < 0.01) out += "国有资本投资运营公司改革试点".repeat(200 + Math.floor(r() * 400)); // a long run of Chinese with no space
    else if (roll < 0.015) out += "abc".repeat(300 + Math.floor(r() * 300)); // a long Latin run, shorter than a piece
    else if (roll < 0.02) out += "，。".repeat(1500); // punctuation with no space
    else out += pick(WORDS) + pick(GAPS);
  }
  return out;
}

const same = (text: string) => {
  const whole = wordSpansWhole(text);
  expect(wordSpans(text)).toEqual(whole);
  expect(countWords(text)).toBe(whole.length);
};

describe("word counting in bounded pieces", () => {
  it("gives the whole-string segments on every seed article, raw and cleaned", () => {
    const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt"));
    expect(files).toHaveLength(5);
    for (const f of files) {
      const raw = fs.readFileSync(path.join(SEEDS, f), "utf8");
      same(raw);
      same(parseArticle(raw).body);
      // the same article as one paragraph, so the cuts fall at spaces rather than line breaks
      same(parseArticle(raw).body.replace(/\n+/g, " "));
    }
  });

  it("gives the whole-string segments on generated texts much longer than a piece", () => {
    for (let seed = 1; seed <= 8; seed++) same(generated(seed, 6 * SEGMENT_CHUNK));
  });

  it("counts a text of hand-known words, across a cut inside a long paragraph", () => {
    const text = "word ".repeat(SEGMENT_CHUNK); // 5 x 4096 units, no line break: several pieces
    expect(countWords(text)).toBe(SEGMENT_CHUNK);
    const spans = wordSpans(text);
    expect(spans[1000]).toEqual({ start: 5000, end: 5004 });
    expect(spans.at(-1)).toEqual({ start: 5 * SEGMENT_CHUNK - 5, end: 5 * SEGMENT_CHUNK - 1 });
  });

  it("keeps a combining mark after a space with the space, never cutting between them", () => {
    const text = `${"ab ".repeat(SEGMENT_CHUNK / 3)} \u0301cd ef`;
    same(text);
  });

  it("never hands the segmenter more than one bounded piece, so the work grows linearly with the text", () => {
    // Without a timed assertion: what makes Intl.Segmenter quadratic is the length of one
    // call's string, so check every call's length and that the pieces add up to the text.
    const text = generated(99, 50 * SEGMENT_CHUNK);
    const spy = vi.spyOn(Intl.Segmenter.prototype, "segment");
    try {
      countWords(text);
      const lengths = spy.mock.calls.map(([s]) => s.length);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(SEGMENT_CHUNK);
      const total = lengths.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(text.length);
      expect(total).toBeLessThan(text.length * 1.1); // re-segmented margins of whitespace-free runs only
    } finally {
      spy.mockRestore();
    }
  });
});
