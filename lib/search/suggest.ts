// Suggestions from the codebook: the sentences of an article that match a theme's cues and
// carry no passage of that theme yet. Pure: the caller brings the text, the codebook and the
// passages of the coding in view; nothing is tagged here.
import { sentenceSpans } from "../measure/sentences";
import { cueQueries } from "./cues";
import { matchSentences } from "./sentence-match";

export type SuggestTheme = { slug: string; cues: readonly string[] };
export type SuggestPassage = { theme: string; start: number; end: number };

export type Suggestion = {
  theme: string;
  /** the sentence: UTF-16 offsets into the body */
  start: number;
  end: number;
  sentence: string;
  /** the piece of the cue that matched (the first, in codebook order) */
  cue: string;
  /** the whole cue it comes from */
  cueText: string;
};

/**
 * For each theme, the untagged sentences its cues match, one suggestion per sentence and theme,
 * in reading order (then codebook order). "Untagged": no passage of that theme overlaps it.
 */
export function suggestionsFor(body: string, themes: readonly SuggestTheme[], passages: readonly SuggestPassage[]): Suggestion[] {
  const sentences = sentenceSpans(body);
  const queries = themes.flatMap((t) => t.cues.flatMap((cueText) => cueQueries(cueText).map((q) => ({ ...q, theme: t.slug, cueText }))));
  const matched = matchSentences(body, sentences, queries);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  queries.forEach((q, k) => {
    for (const i of matched[k]) {
      const s = sentences[i];
      const key = `${q.theme}:${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (passages.some((p) => p.theme === q.theme && p.start < s.end && p.end > s.start)) continue;
      out.push({ theme: q.theme, start: s.start, end: s.end, sentence: body.slice(s.start, s.end), cue: q.phrase, cueText: q.cueText });
    }
  });
  const order = new Map(themes.map((t, i) => [t.slug, i]));
  return out.sort((a, b) => a.start - b.start || order.get(a.theme)! - order.get(b.theme)!);
}
