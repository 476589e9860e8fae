// Sentence spans of an article body, the units of sentence-level agreement. Intl.Segmenter's
// sentence granularity (UAX #29) does the splitting; it is run line by line because its cost on
// Node 20 grows with the square of the string's length, and a line break always ends a sentence
// anyway (UAX #29 rule SB4), so the spans are the same as segmenting the whole body at once.
import type { Span } from "./words";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Sorted, disjoint character ranges of the sentences of `text`, without surrounding whitespace. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (lineEnd > lineStart) {
      for (const s of segmenter.segment(text.slice(lineStart, lineEnd))) {
        const lead = s.segment.length - s.segment.trimStart().length;
        const body = s.segment.trim();
        if (!body) continue;
        const start = lineStart + s.index + lead;
        spans.push({ start, end: start + body.length });
      }
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return spans;
}
