import { describe, expect, it } from "vitest";
import {
  NominalAlpha,
  cohenKappa,
  coveredWords,
  krippendorffAlphaNominal,
  sentenceKappa,
  sentencesCarrying,
  wordAlpha,
  type Value,
} from "@/lib/measure/agreement";
import { sentenceSpans } from "@/lib/measure/sentences";
import { countTaggedWords, wordSpans, type Span } from "@/lib/measure/words";

/** Krippendorff prints reliability data coders x units; the functions take units x coders. */
const byUnit = (coders: (Value | null)[][]) => coders[0].map((_, u) => coders.map((c) => c[u]));

/** Pairs from a contingency table (rows: coder A's label, columns: coder B's). */
function pairsOf(table: number[][], labels: string[]): [string, string][] {
  const out: [string, string][] = [];
  table.forEach((row, i) => row.forEach((k, j) => { for (let x = 0; x < k; x++) out.push([labels[i], labels[j]]); }));
  return out;
}

describe("krippendorffAlphaNominal: Krippendorff's published examples", () => {
  it("example C of 'Computing Krippendorff's Alpha-Reliability' (2011): 4 observers, 12 units, missing data, nominal alpha = .743", () => {
    const _ = null;
    const r = krippendorffAlphaNominal(
      byUnit([
        [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
        [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
      ]),
    );
    // unit 12 has a single value and is not pairable: 11 units, n.. = 40 values
    expect(r.units).toBe(11);
    expect(r.values).toBe(40);
    // by hand: n_c = 9, 13, 10, 5, 3 -> sum_{c!=k} n_c n_k = 40^2 - 384 = 1216; sum_{c!=k} o_ck = 8
    // alpha = 1 - 39 * 8 / 1216 = 113/152 = 0.74342...
    expect(r.alpha).toBeCloseTo(113 / 152, 12);
    expect(r.alpha!.toFixed(3)).toBe("0.743");
    expect(r.observedDisagreement).toBeCloseTo(8 / 40, 12);
    expect(r.expectedDisagreement).toBeCloseTo(1216 / (40 * 39), 12);
    expect(r.reason).toBeNull();
  });

  it("binary data, two observers, no missing data (Krippendorff 2011, section A): alpha = .095", () => {
    const r = krippendorffAlphaNominal(
      byUnit([
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
      ]),
    );
    // coincidences o_00 = 10, o_01 = o_10 = 4, o_11 = 2; n_0 = 14, n_1 = 6, n = 20
    // alpha = 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19 * 4 / 84 = 2/21
    expect(r.units).toBe(10);
    expect(r.values).toBe(20);
    expect(r.alpha).toBeCloseTo(2 / 21, 12);
    expect(r.alpha!.toFixed(3)).toBe("0.095");
  });

  it("does not depend on the order of units or of coders", () => {
    const units = byUnit([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    ]);
    const a = krippendorffAlphaNominal(units).alpha;
    expect(krippendorffAlphaNominal([...units].reverse().map((u) => [...u].reverse())).alpha).toBe(a);
  });

  it("is 1 for perfect agreement and can go below 0 for systematic disagreement", () => {
    expect(krippendorffAlphaNominal([["a", "a"], ["b", "b"]]).alpha).toBe(1);
    // every unit disagrees: o_ab = o_ba = 2, n_a = n_b = 2, n = 4: alpha = 1 - 3 * 4 / 8 = -0.5
    expect(krippendorffAlphaNominal([["a", "b"], ["b", "a"]]).alpha).toBeCloseTo(-0.5, 12);
  });
});

describe("krippendorffAlphaNominal: undefined cases are null with a reason, never NaN", () => {
  it("no units at all", () => {
    const r = krippendorffAlphaNominal([]);
    expect(r.alpha).toBeNull();
    expect(r.reason).toMatch(/no pairable units/);
    expect(r.units).toBe(0);
  });

  it("only units with a single value (one coder)", () => {
    const r = krippendorffAlphaNominal([[1, null], [null, 2], [3]]);
    expect(r.alpha).toBeNull();
    expect(r.values).toBe(0);
  });

  it("every value identical: D_e = 0", () => {
    const r = krippendorffAlphaNominal([[0, 0], [0, 0, 0]]);
    expect(r.alpha).toBeNull();
    expect(r.reason).toMatch(/no variation/);
    expect(r.units).toBe(2);
    expect(r.values).toBe(5);
    expect(r.expectedDisagreement).toBe(0);
  });

  it("the accumulator gives the same as the matrix form", () => {
    const acc = new NominalAlpha().add([0, 1]).add([1, 1]).addCounts(new Map([[0, 2]]));
    expect(acc.result()).toEqual(krippendorffAlphaNominal([[0, 1], [1, 1], [0, 0]]));
  });
});

describe("cohenKappa", () => {
  it("the textbook 2x2 example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15", () => {
    const r = cohenKappa(pairsOf([[20, 5], [10, 15]], ["yes", "no"]));
    expect(r.units).toBe(50);
    expect(r.observedAgreement).toBeCloseTo(0.7, 12);
    expect(r.percentAgreement).toBeCloseTo(70, 12);
    // chance agreement is a SUM over labels: 0.5 * 0.6 (yes) + 0.5 * 0.4 (no) = 0.5
    // (a product of the marginals, QualCoder's mistake, would give 0.3 * 0.2 = 0.06)
    expect(r.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it("Cohen (1960), three categories, 200 units: p_o = .70, p_e = .41, kappa = .492", () => {
    // Cohen's table of proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06, times 200
    const r = cohenKappa(pairsOf([[88, 14, 18], [10, 40, 10], [2, 6, 12]], ["1", "2", "3"]));
    expect(r.units).toBe(200);
    expect(r.observedAgreement).toBeCloseTo(0.7, 12);
    // marginals A .60 .30 .10, B .50 .30 .20: p_e = .30 + .09 + .02 = .41
    expect(r.expectedAgreement).toBeCloseTo(0.41, 12);
    expect(r.kappa).toBeCloseTo(0.29 / 0.59, 12);
    expect(r.kappa!.toFixed(3)).toBe("0.492");
  });

  it("labels only one coder used count toward chance agreement as zero", () => {
    // A: x x y; B: x z y -> p_o = 2/3, p_e = (2*1 + 1*1 + 0) / 9 = 1/3, kappa = (2/3 - 1/3) / (2/3) = 0.5
    expect(cohenKappa([["x", "x"], ["x", "z"], ["y", "y"]]).kappa).toBeCloseTo(0.5, 12);
  });

  it("is null with a reason when there are no units, or both coders used one label for everything", () => {
    const none = cohenKappa([]);
    expect(none).toMatchObject({ kappa: null, units: 0, percentAgreement: null });
    expect(none.reason).toMatch(/no units/);
    const flat = cohenKappa([[0, 0], [0, 0], [0, 0]]);
    expect(flat.kappa).toBeNull();
    expect(flat.reason).toMatch(/no variation/);
    expect(flat.percentAgreement).toBe(100);
  });

  it("a rare theme: 98% agreement and still kappa 0 when one coder never uses it", () => {
    const pairs: [number, number][] = [[1, 0], [1, 0], ...Array.from({ length: 98 }, () => [0, 0] as [number, number])];
    const r = cohenKappa(pairs);
    expect(r.percentAgreement).toBeCloseTo(98, 12);
    expect(r.kappa).toBe(0);
  });
});

describe("coveredWords", () => {
  it("marks a word covered when a passage touches any character of it, as countTaggedWords counts", () => {
    const text = "alpha beta gamma delta";
    const words = wordSpans(text); // [0,5) [6,10) [11,16) [17,22)
    const passages: Span[] = [{ start: 4, end: 7 }, { start: 16, end: 17 }, { start: 18, end: 19 }];
    // [4,7) touches alpha and beta; [16,17) is the space between gamma and delta; [18,19) is inside delta
    expect(coveredWords(words, passages)).toEqual([true, true, false, true]);
    expect(countTaggedWords(words, passages)).toBe(3);
  });
});

describe("wordAlpha", () => {
  // Two articles: "a b c d" (4 words) and "e f" (2 words)
  const w1 = wordSpans("a b c d");
  const w2 = wordSpans("e f");
  const span = (start: number, end: number) => ({ start, end });

  it("pools the words of all articles as units, value = covered by the coder's passages", () => {
    // article 1: coder A covers a b, coder B covers b c -> (1,0) (1,1) (0,1) (0,0)
    // article 2: A covers e, B covers e -> (1,1) (0,0)
    const r = wordAlpha([
      { article: "one", words: w1, coders: [[span(0, 3)], [span(2, 5)]] },
      { article: "two", words: w2, coders: [[span(0, 1)], [span(0, 1)]] },
    ]);
    // 6 units, n = 12; ones: 1+2+1+0+2+0 = 6 -> n_0 = n_1 = 6; o_01 = 2 (units a and c, each 2 ordered pairs / 1)
    // alpha = 1 - 11 * 4 / (144 - 72) = 1 - 44/72 = 7/18
    expect(r.units).toBe(6);
    expect(r.articles).toBe(2);
    expect(r.alpha).toBeCloseTo(7 / 18, 12);
  });

  it("treats a coder who did not code an article as missing, and skips articles with fewer than two coders", () => {
    const r = wordAlpha([
      { article: "one", words: w1, coders: [[span(0, 3)], null, [span(0, 3)]] },
      { article: "two", words: w2, coders: [[span(0, 1)], null, null] },
    ]);
    expect(r.articles).toBe(1);
    expect(r.units).toBe(4);
    expect(r.alpha).toBe(1);
  });

  it("counts an article named by several entries (several themes pooled) once", () => {
    const r = wordAlpha([
      { article: "one", words: w1, coders: [[span(0, 1)], [span(0, 1)]] },
      { article: "one", words: w1, coders: [[], [span(6, 7)]] },
    ]);
    expect(r.articles).toBe(1);
    expect(r.units).toBe(8);
  });

  it("is null with a reason when no coder tagged anything (D_e = 0) or nothing is pairable", () => {
    const flat = wordAlpha([{ article: "one", words: w1, coders: [[], []] }]);
    expect(flat.alpha).toBeNull();
    expect(flat.reason).toMatch(/no variation/);
    expect(flat.units).toBe(4);
    const none = wordAlpha([]);
    expect(none).toMatchObject({ alpha: null, units: 0, articles: 0 });
  });
});

describe("sentenceSpans", () => {
  it("splits sentences, paragraph by paragraph, without surrounding whitespace", () => {
    const body = "First one. Second one!\n\nA new paragraph? Yes.";
    expect(sentenceSpans(body).map((s) => body.slice(s.start, s.end))).toEqual(["First one.", "Second one!", "A new paragraph?", "Yes."]);
  });

  it("gives the same sentences as segmenting the whole text at once", () => {
    const body = "Dr. Wang met the U.S. delegation on May 7. They spoke.\n\n1. the heading\n\nThe end of it, and more. Last";
    const seg = new Intl.Segmenter("en", { granularity: "sentence" });
    const whole = [...seg.segment(body)].map((s) => s.segment.trim()).filter(Boolean);
    expect(sentenceSpans(body).map((s) => body.slice(s.start, s.end))).toEqual(whole);
  });

  it("is empty for empty or blank text", () => {
    expect(sentenceSpans("")).toEqual([]);
    expect(sentenceSpans("\n\n  \n")).toEqual([]);
  });
});

describe("sentencesCarrying and sentenceKappa", () => {
  const body = "One two three four. Five six. Seven eight nine.";
  const words = wordSpans(body);
  const sentences = sentenceSpans(body);
  const at = (s: string) => ({ start: body.indexOf(s), end: body.indexOf(s) + s.length });

  it("a sentence carries the theme when the passages cover at least half of its words", () => {
    // "two thr" covers two and (part of) three: 2 of 4 words -> carries; "Six" alone: 1 of 2 -> carries;
    // "Seven" 1 of 3 -> does not
    expect(sentencesCarrying(words, sentences, [at("two thr"), at("six"), at("Seven")])).toEqual([true, true, false]);
    expect(sentencesCarrying(words, sentences, [at("One")])).toEqual([false, false, false]);
  });

  it("kappa over sentences pooled across articles, with percentage agreement", () => {
    // article 1 sentences: A = 1 1 0, B = 1 0 0; article 2 (same text): A = 0 0 1, B = 0 0 1
    const r = sentenceKappa([
      { article: "one", words, sentences, a: [at("One two three"), at("Five")], b: [at("One two")] },
      { article: "two", words, sentences, a: [at("Seven eight")], b: [at("eight nine")] },
    ]);
    // pairs (1,1) (1,0) (0,0) (0,0) (0,0) (1,1): p_o = 5/6; A has 3 ones, B 2: p_e = (3*2 + 3*4) / 36 = 1/2
    // kappa = (5/6 - 1/2) / (1/2) = 2/3
    expect(r.units).toBe(6);
    expect(r.articles).toBe(2);
    expect(r.percentAgreement).toBeCloseTo(500 / 6, 12);
    expect(r.kappa).toBeCloseTo(2 / 3, 12);
  });

  it("is null when neither coder tagged any sentence", () => {
    const r = sentenceKappa([{ article: "one", words, sentences, a: [], b: [] }]);
    expect(r.kappa).toBeNull();
    expect(r.percentAgreement).toBe(100);
  });
});
