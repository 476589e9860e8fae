// Intercoder agreement, pure arithmetic over plain data (no I/O): Krippendorff's alpha for nominal
// data (any number of coders, missing values allowed), word-level alpha for one theme, and Cohen's
// kappa with percentage agreement beside it. A statistic that is undefined (no units, or no
// variation to disagree about) is `null` with a reason, never NaN or a made-up 0 or 1.
//
// Alpha follows Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), coincidence form:
//   o_ck = sum over units u of (number of c-k pairs of values in u) / (m_u - 1),  n_c = sum_k o_ck,
//   alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k   (nominal).
// Units with fewer than two values are not pairable and drop out. The sums are kept as integers per
// group of units with the same m_u and divided once, so the published examples come out exactly.
import { mergeSpans, type Span } from "./words";

export type Value = string | number;

export type AlphaResult = {
  /** null when undefined; then `reason` says why */
  alpha: number | null;
  reason: string | null;
  /** pairable units (units with at least two values) */
  units: number;
  /** pairable values, Krippendorff's n.. */
  values: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
};

/**
 * Accumulates reliability data unit by unit, so callers with many units (every word of a corpus)
 * never build the whole matrix. Only value counts per unit matter for nominal alpha.
 */
export class NominalAlpha {
  private n = 0;
  private pairableUnits = 0;
  private readonly totals = new Map<Value, number>();
  /** per m_u: sum over those units of (m_u^2 - sum_c n_uc^2) = ordered disagreeing pairs */
  private readonly disagreeByM = new Map<number, number>();

  /** One unit: the values the coders gave it (null/undefined = that coder gave none). */
  add(values: readonly (Value | null | undefined)[]): this {
    const counts = new Map<Value, number>();
    let m = 0;
    for (const v of values) {
      if (v === null || v === undefined) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    return this.addCounts(counts, m);
  }

  /** One unit given as value -> number of coders who gave it. */
  addCounts(counts: ReadonlyMap<Value, number>, m = sum(counts.values())): this {
    if (m < 2) return this;
    let same = 0;
    for (const [v, c] of counts) {
      same += c * c;
      this.totals.set(v, (this.totals.get(v) ?? 0) + c);
    }
    this.disagreeByM.set(m, (this.disagreeByM.get(m) ?? 0) + (m * m - same));
    this.n += m;
    this.pairableUnits++;
    return this;
  }

  result(): AlphaResult {
    const n = this.n;
    const base = { units: this.pairableUnits, values: n };
    if (n === 0) return { ...base, alpha: null, reason: "no pairable units (no unit has values from two coders)", observedDisagreement: null, expectedDisagreement: null };
    // sum_{c != k} o_ck: each unit's ordered disagreeing pairs weighted by 1 / (m_u - 1)
    let offDiagonal = 0;
    for (const [m, d] of this.disagreeByM) offDiagonal += d / (m - 1);
    let sameTotals = 0;
    for (const c of this.totals.values()) sameTotals += c * c;
    const expectedPairs = n * n - sameTotals; // sum_{c != k} n_c n_k
    if (expectedPairs === 0)
      return { ...base, alpha: null, reason: "no variation: every pairable value is the same, so chance disagreement is 0", observedDisagreement: 0, expectedDisagreement: 0 };
    return {
      ...base,
      alpha: 1 - ((n - 1) * offDiagonal) / expectedPairs,
      reason: null,
      observedDisagreement: offDiagonal / n,
      expectedDisagreement: expectedPairs / (n * (n - 1)),
    };
  }
}

/**
 * Krippendorff's alpha, nominal. `units[u][i]` is coder i's value for unit u, null when coder i
 * gave none (missing data). Coders need not be the same for every unit.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (Value | null | undefined)[])[]): AlphaResult {
  const acc = new NominalAlpha();
  for (const u of units) acc.add(u);
  return acc.result();
}

/**
 * For each word (sorted spans), whether the union of `passages` covers any character of it: the
 * rule of countTaggedWords in words.ts, so a word counted as tagged there is a 1 here.
 */
export function coveredWords(words: readonly Span[], passages: readonly Span[]): boolean[] {
  const merged = mergeSpans(passages);
  const out = new Array<boolean>(words.length).fill(false);
  let j = 0;
  words.forEach((w, i) => {
    while (j < merged.length && merged[j].end <= w.start) j++;
    if (j < merged.length && merged[j].start < w.end) out[i] = true;
  });
  return out;
}

export type WordCodingInput = {
  /** the article (an id, counted once however many entries name it) */
  article: string;
  /** word spans of the article body, sorted (wordSpans in words.ts) */
  words: readonly Span[];
  /** per coder, that coder's passages of the theme; null when the coder did not code the article */
  coders: readonly (readonly Span[] | null)[];
};

export type WordAlphaResult = AlphaResult & { articles: number };

/**
 * Word-level alpha for one theme: every word of every article is a unit; a coder's value is 1 when
 * that coder's passages of the theme cover any character of the word, else 0. Units are pooled
 * across articles. An article counts when at least two coders coded it and it has words. Passing
 * the entries of several themes pools (word, theme) units, which is the "overall" figure.
 */
export function wordAlpha(inputs: readonly WordCodingInput[]): WordAlphaResult {
  const acc = new NominalAlpha();
  const articles = new Set<string>();
  const counts = new Map<Value, number>();
  for (const a of inputs) {
    const coded = a.coders.filter((c): c is readonly Span[] => c !== null);
    if (coded.length < 2 || a.words.length === 0) continue;
    articles.add(a.article);
    const cover = coded.map((p) => coveredWords(a.words, p));
    for (let w = 0; w < a.words.length; w++) {
      let ones = 0;
      for (const c of cover) if (c[w]) ones++;
      counts.clear();
      if (ones) counts.set(1, ones);
      if (coded.length - ones) counts.set(0, coded.length - ones);
      acc.addCounts(counts, coded.length);
    }
  }
  return { ...acc.result(), articles: articles.size };
}

export type KappaResult = {
  /** null when undefined; then `reason` says why */
  kappa: number | null;
  reason: string | null;
  /** units coded by both coders */
  units: number;
  /** 100 * observed agreement; null when there are no units */
  percentAgreement: number | null;
  observedAgreement: number | null;
  expectedAgreement: number | null;
};

/**
 * Cohen's kappa for two coders over the same units, nominal labels (binary is the two-label case).
 * Chance agreement is the SUM over labels of the product of the two coders' marginal proportions,
 * p_e = sum_c (a_c / N)(b_c / N); kappa = (p_o - p_e) / (1 - p_e), computed from integer counts as
 * (N * agreements - sum_c a_c b_c) / (N^2 - sum_c a_c b_c).
 */
export function cohenKappa(pairs: Iterable<readonly [Value, Value]>): KappaResult {
  const a = new Map<Value, number>();
  const b = new Map<Value, number>();
  let n = 0;
  let agree = 0;
  for (const [x, y] of pairs) {
    n++;
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  return kappaFromCounts(n, agree, a, b);
}

function kappaFromCounts(n: number, agree: number, a: ReadonlyMap<Value, number>, b: ReadonlyMap<Value, number>): KappaResult {
  if (n === 0) return { kappa: null, reason: "no units coded by both coders", units: 0, percentAgreement: null, observedAgreement: null, expectedAgreement: null };
  let chance = 0; // sum_c a_c b_c
  for (const [c, ac] of a) chance += ac * (b.get(c) ?? 0);
  const observedAgreement = agree / n;
  const expectedAgreement = chance / (n * n);
  const base = { units: n, percentAgreement: 100 * observedAgreement, observedAgreement, expectedAgreement };
  if (chance === n * n)
    return { ...base, kappa: null, reason: "no variation: both coders gave every unit the same single label, so chance agreement is 1" };
  return { ...base, kappa: (n * agree - chance) / (n * n - chance), reason: null };
}

export type SentenceCodingInput = {
  article: string;
  /** word spans of the body, sorted */
  words: readonly Span[];
  /** sentence spans of the body, sorted and disjoint (sentenceSpans in sentences.ts) */
  sentences: readonly Span[];
  /** the two coders' passages of the theme */
  a: readonly Span[];
  b: readonly Span[];
};

export type SentenceKappaResult = KappaResult & { articles: number };

/**
 * Per sentence, whether the passages cover at least half of its words (a word is covered by the
 * rule of coveredWords). Sentences without words never carry a theme; a word belongs to the sentence
 * its first character lies in.
 */
export function sentencesCarrying(words: readonly Span[], sentences: readonly Span[], passages: readonly Span[]): boolean[] {
  const cover = coveredWords(words, passages);
  const out: boolean[] = [];
  let w = 0;
  for (const s of sentences) {
    while (w < words.length && words[w].start < s.start) w++;
    let total = 0;
    let covered = 0;
    for (; w < words.length && words[w].start < s.end; w++) {
      total++;
      if (cover[w]) covered++;
    }
    out.push(total > 0 && 2 * covered >= total);
  }
  return out;
}

/**
 * Sentence-level Cohen's kappa for one theme between two coders: each sentence with at least one
 * word is a unit, labelled 1 for a coder when that coder's passages cover at least half of its words.
 * Pooled across articles; passing several themes' entries pools (sentence, theme) units.
 */
export function sentenceKappa(inputs: readonly SentenceCodingInput[]): SentenceKappaResult {
  const pairs: [number, number][] = [];
  const articles = new Set<string>();
  for (const x of inputs) {
    const withWords = wordsPerSentence(x.words, x.sentences);
    const ca = sentencesCarrying(x.words, x.sentences, x.a);
    const cb = sentencesCarrying(x.words, x.sentences, x.b);
    let any = false;
    withWords.forEach((k, i) => {
      if (k === 0) return;
      any = true;
      pairs.push([ca[i] ? 1 : 0, cb[i] ? 1 : 0]);
    });
    if (any) articles.add(x.article);
  }
  return { ...cohenKappa(pairs), articles: articles.size };
}

function wordsPerSentence(words: readonly Span[], sentences: readonly Span[]): number[] {
  const out: number[] = [];
  let w = 0;
  for (const s of sentences) {
    while (w < words.length && words[w].start < s.start) w++;
    let k = 0;
    for (; w < words.length && words[w].start < s.end; w++) k++;
    out.push(k);
  }
  return out;
}

function sum(xs: Iterable<number>): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export type ThemedSpan = Span & { theme: string };

/** One article coded by two coders: its words and sentences and each coder's passages, all themes. */
export type PairArticle = {
  article: string;
  words: readonly Span[];
  sentences: readonly Span[];
  a: readonly ThemedSpan[];
  b: readonly ThemedSpan[];
};

export type ThemeAgreement = {
  /** the theme's slug, or null for the row pooling every theme */
  theme: string | null;
  articles: number;
  /** word-level alpha and its units (words, or word x theme pairs on the pooled row) */
  alphaWord: number | null;
  alphaReason: string | null;
  units: number;
  /** sentence-level kappa, its units and the percentage agreement beside it */
  kappaSentence: number | null;
  kappaReason: string | null;
  sentenceUnits: number;
  percentAgreement: number | null;
};

/**
 * Agreement between two coders over the articles both coded: one row per theme (in the order
 * given), then a pooled row (theme null) whose units are (word, theme) and (sentence, theme) pairs.
 */
export function pairAgreement(articles: readonly PairArticle[], themes: readonly string[]): ThemeAgreement[] {
  const row = (theme: string | null, ts: readonly string[]): ThemeAgreement => {
    const words: WordCodingInput[] = [];
    const sentences: SentenceCodingInput[] = [];
    for (const x of articles) {
      for (const t of ts) {
        const a = x.a.filter((p) => p.theme === t);
        const b = x.b.filter((p) => p.theme === t);
        words.push({ article: x.article, words: x.words, coders: [a, b] });
        sentences.push({ article: x.article, words: x.words, sentences: x.sentences, a, b });
      }
    }
    const alpha = wordAlpha(words);
    const kappa = sentenceKappa(sentences);
    return {
      theme,
      articles: alpha.articles,
      alphaWord: alpha.alpha,
      alphaReason: alpha.reason,
      units: alpha.units,
      kappaSentence: kappa.kappa,
      kappaReason: kappa.reason,
      sentenceUnits: kappa.units,
      percentAgreement: kappa.percentAgreement,
    };
  };
  return [...themes.map((t) => row(t, [t])), row(null, themes)];
}
