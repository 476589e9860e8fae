// The ground truth for every number the dashboard shows. Words are word-like segments
// of Intl.Segmenter, so English counts words and Chinese counts dictionary words rather
// than characters or whitespace runs. A word is tagged for a theme when any of its
// characters lies inside one of that theme's passages; overlapping passages are merged
// first, so no word is counted twice.

export type Span = { start: number; end: number };

const segmenter = new Intl.Segmenter("en", { granularity: "word" });

/**
 * Intl.Segmenter on Node 20 takes time quadratic in the length of the string it is given
 * (an 87k-word body took 111 s), so text is handed to it in pieces of at most this many
 * UTF-16 units, cut where a word boundary cannot depend on what lies across the cut. The
 * pieces' segments are the whole string's segments, offsets included (tests/unit/words.test.ts
 * compares the two on the seed corpus and on generated texts).
 */
export const SEGMENT_CHUNK = 4096;
/** In the rare run of SEGMENT_CHUNK units with no whitespace, segments this close to the piece's end are redone in the next piece. */
const FALLBACK_MARGIN = 256;

// A cut after whitespace is safe unless the next character attaches to what precedes it
// (combining marks, format characters such as ZWJ, emoji modifiers: UAX #29 rule WB4).
const WHITESPACE = /\p{White_Space}/u;
const ATTACHES = /[\p{M}\p{Cf}\p{Emoji_Modifier}\p{Grapheme_Extend}]/u;

function safeCut(text: string, at: number): boolean {
  const before = text[at - 1];
  if (before === "\n") return true; // WB3a: always a break after a line feed
  if (before === "\r") return text[at] !== "\n";
  return WHITESPACE.test(before) && !WHITESPACE.test(text[at]) && !ATTACHES.test(text[at]);
}

/** Where the piece starting at `from` ends: the last line break, else the last safe whitespace, within SEGMENT_CHUNK. */
function pieceEnd(text: string, from: number): number | null {
  const limit = from + SEGMENT_CHUNK;
  if (limit >= text.length) return text.length;
  const nl = text.lastIndexOf("\n", limit - 1);
  if (nl >= from) return nl + 1;
  for (let at = limit; at > from + 1; at--) if (safeCut(text, at)) return at;
  return null;
}

type Segment = { index: number; segment: string; isWordLike?: boolean };

/** The word segments of `text` with absolute offsets, segmenting bounded pieces in turn. */
function* segments(text: string): Generator<Segment> {
  let from = 0;
  while (from < text.length) {
    const end = pieceEnd(text, from);
    if (end !== null) {
      for (const s of segmenter.segment(text.slice(from, end))) yield { index: from + s.index, segment: s.segment, isWordLike: s.isWordLike };
      from = end;
      continue;
    }
    // No whitespace in a whole piece (a long run of Chinese, say): keep the segments that end
    // well before the piece's end, where the segmenter has seen enough of what follows.
    const piece = text.slice(from, from + SEGMENT_CHUNK);
    let next = from;
    for (const s of segmenter.segment(piece)) {
      if (s.index + s.segment.length > SEGMENT_CHUNK - FALLBACK_MARGIN) break;
      yield { index: from + s.index, segment: s.segment, isWordLike: s.isWordLike };
      next = from + s.index + s.segment.length;
    }
    if (next === from) {
      // One segment longer than the margin allows: take it whole rather than loop.
      const first = segmenter.segment(piece)[Symbol.iterator]().next().value!;
      yield { index: from, segment: first.segment, isWordLike: first.isWordLike };
      next = from + first.segment.length;
    }
    from = next;
  }
}

/** Character ranges of the word-like segments of `text`, in order. */
export function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const s of segments(text)) {
    if (s.isWordLike) spans.push({ start: s.index, end: s.index + s.segment.length });
  }
  return spans;
}

export function countWords(text: string): number {
  let n = 0;
  for (const s of segments(text)) if (s.isWordLike) n++;
  return n;
}

/** The whole string in one call: the reference the pieces are tested against (quadratic; tests only). */
export function wordSpansWhole(text: string): Span[] {
  const spans: Span[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) spans.push({ start: s.index, end: s.index + s.segment.length });
  return spans;
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
  const words = annotations.length ? wordSpans(body) : []; // no passage, no tagged word: skip segmenting
  const out = new Map<string, ThemeStat>();
  for (const slug of themeSlugs) {
    const mine = annotations.filter((a) => a.theme === slug);
    out.set(slug, { taggedWords: countTaggedWords(words, mine), passages: mine.length });
  }
  return out;
}
