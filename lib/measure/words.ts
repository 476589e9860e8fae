// The ground truth for every number the dashboard shows. Words are word-like segments
// of Intl.Segmenter, so English counts words and Chinese counts dictionary words rather
// than characters or whitespace runs. A word is tagged for a theme when any of its
// characters lies inside one of that theme's passages; overlapping passages are merged
// first, so no word is counted twice.

export type Span = { start: number; end: number };

const segmenter = new Intl.Segmenter("en", { granularity: "word" });

/** Character ranges of the word-like segments of `text`, in order. */
export function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) spans.push({ start: s.index, end: s.index + s.segment.length });
  }
  return spans;
}

export function countWords(text: string): number {
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Sorted, non-overlapping, non-touching union of half-open spans; empty spans dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Words (from `words`, sorted) that intersect the union of `passages`. */
export function countTaggedWords(words: readonly Span[], passages: readonly Span[]): number {
  const merged = mergeSpans(passages);
  let n = 0;
  let j = 0;
  for (const w of words) {
    while (j < merged.length && merged[j].end <= w.start) j++;
    if (j === merged.length) break;
    if (merged[j].start < w.end) n++;
  }
  return n;
}

/** Percentage with its denominator kept by the caller; 0 when there is nothing to divide. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

export type ThemeStat = { taggedWords: number; passages: number };

/**
 * Per-theme totals of one article: tagged words (union of that theme's passages) and
 * the number of passages. Every theme in `themeSlugs` gets a row, zeros included.
 */
export function articleThemeStats(
  body: string,
  annotations: readonly (Span & { theme: string })[],
  themeSlugs: readonly string[],
): Map<string, ThemeStat> {
  const words = wordSpans(body);
  const out = new Map<string, ThemeStat>();
  for (const slug of themeSlugs) {
    const mine = annotations.filter((a) => a.theme === slug);
    out.set(slug, { taggedWords: countTaggedWords(words, mine), passages: mine.length });
  }
  return out;
}
