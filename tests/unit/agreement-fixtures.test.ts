// The TypeScript statistics against an independent implementation: tests/fixtures/agreement/
// compute.py (Python, standard library, exact fractions, other formulas) computed expected.json
// from the same raw fixtures. Regenerate expected.json with `python3 tests/fixtures/agreement/compute.py`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cohenKappa,
  krippendorffAlphaNominal,
  pairAgreement,
  sentenceKappa,
  wordAlpha,
  type PairArticle,
  type Value,
} from "@/lib/measure/agreement";
import { sentenceSpans } from "@/lib/measure/sentences";
import { wordSpans, type Span } from "@/lib/measure/words";
import { loadSeedPair, seedPairFixture } from "@/scripts/seed-codings";

const dir = path.join(process.cwd(), "tests/fixtures/agreement");
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
const expected: Record<string, Record<string, number | null>> & Record<string, unknown> = read("expected.json");
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "expected.json").sort();
const spans = (xs: [number, number][]): Span[] => xs.map(([start, end]) => ({ start, end }));

function close(actual: number | null, want: number | null | undefined) {
  if (want === null || want === undefined) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs(actual! - want)).toBeLessThan(1e-9);
  }
}

describe("agreement statistics equal the independent Python computation (to 1e-9)", () => {
  it("every fixture has an expected result", () => {
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  for (const f of fixtures) {
    it(f, () => {
      const fx = read(f);
      const want = expected[f] as Record<string, number | null>;
      if (fx.kind === "alpha") {
        const coders: (Value | null)[][] = fx.coders;
        const r = krippendorffAlphaNominal(coders[0].map((_, u) => coders.map((c) => c[u])));
        close(r.alpha, want.alpha);
        expect([r.units, r.values]).toEqual([want.units, want.values]);
      } else if (fx.kind === "kappa") {
        const r = cohenKappa((fx.a as Value[]).map((x, i) => [x, fx.b[i]] as const));
        close(r.kappa, want.kappa);
        close(r.percentAgreement, want.percent);
        expect(r.units).toBe(want.units);
      } else if (fx.kind === "word-alpha") {
        for (const a of fx.articles) expect(spans(a.words)).toEqual(wordSpans(a.text));
        const r = wordAlpha(
          fx.articles.map((a: { article: string; words: [number, number][]; coders: ([number, number][] | null)[] }) => ({
            article: a.article,
            words: spans(a.words),
            coders: a.coders.map((c) => (c === null ? null : spans(c))),
          })),
        );
        close(r.alpha, want.alpha);
        expect([r.units, r.articles]).toEqual([want.units, want.articles]);
      } else if (fx.kind === "sentence-kappa") {
        for (const a of fx.articles) {
          expect(spans(a.words)).toEqual(wordSpans(a.text));
          expect(spans(a.sentences)).toEqual(sentenceSpans(a.text));
        }
        const r = sentenceKappa(
          fx.articles.map((a: Record<string, [number, number][]> & { article: string }) => ({
            article: a.article,
            words: spans(a.words),
            sentences: spans(a.sentences),
            a: spans(a.a),
            b: spans(a.b),
          })),
        );
        close(r.kappa, want.kappa);
        close(r.percentAgreement, want.percent);
        expect([r.units, r.articles]).toEqual([want.units, want.articles]);
      } else if (fx.kind === "seed-corpus") {
        type Raw = { article: string; words: [number, number][]; sentences: [number, number][]; a: [number, number, string][]; b: [number, number, string][] };
        const themed = (xs: [number, number, string][]) => xs.map(([start, end, theme]) => ({ start, end, theme }));
        const articles: PairArticle[] = (fx.articles as Raw[]).map((a) => ({
          article: a.article,
          words: spans(a.words),
          sentences: spans(a.sentences),
          a: themed(a.a),
          b: themed(a.b),
        }));
        const rows = pairAgreement(articles, fx.themes);
        const wantRows = expected[f] as unknown as Record<string, number | string | null>[];
        expect(rows.map((r) => r.theme)).toEqual(wantRows.map((r) => r.theme));
        rows.forEach((r, i) => {
          const w = wantRows[i] as Record<string, number | null>;
          close(r.alphaWord, w.alpha_word);
          close(r.kappaSentence, w.kappa_sentence);
          close(r.percentAgreement, w.percent_agreement);
          expect([r.articles, r.units, r.sentenceUnits]).toEqual([w.articles, w.units, w.sentence_units]);
        });
      } else throw new Error(`unknown fixture kind ${fx.kind}`);
    });
  }

  it("seed-corpus.json is the seed corpus as it is now (else: npm run agreement -- --write-fixture, then compute.py)", () => {
    const text = fs.readFileSync(path.join(dir, "seed-corpus.json"), "utf8");
    expect(seedPairFixture(loadSeedPair(path.join(process.cwd(), "seeds")))).toBe(text);
  });
});
