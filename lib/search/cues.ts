// The codebook's cues as search queries. A cue is written for a human coder ("breakthroughs in
// key (core) technologies, original technology, 'source' of technology, cutting-edge or
// disruptive technology research"), so it is read as a list of phrases: cut at commas and
// semicolons, each piece cut again at " or " (alternatives), parentheses and quotes dropped.
// A piece becomes an FTS5 query asking for all its words (stemmed, as /search stems them) in
// one sentence; the little words (and, of, the ...) are left out. A piece of one word inside a
// longer cue ("stability, security, resilience or ...", "digital, intelligent ...") is dropped,
// since one common word would suggest half the text; a cue that is one word as a whole ("chips")
// was meant as such and is kept.
import { searchIndexFor, type SearchIndex } from "./query";

export type CueQuery = {
  /** the piece of the cue, as shown to the coder ("breakthroughs in key technologies") */
  phrase: string;
  /** the FTS5 query ("breakthroughs" "key" "technologies"): every word, anywhere in the sentence */
  query: string;
  index: SearchIndex;
};

const STOPWORDS = new Set(
  "a an the and or of in on for to with through as by at from into its their his her our this that these those be is are e.g. eg etc".split(" "),
);

/** Words as FTS5's unicode61 tokenizer splits them: runs of letters and digits. */
const TOKEN = /[\p{L}\p{N}]+/gu;

const PREPOSITION = /^(of|in|for|to|on|with|by)\s/i;

/**
 * The alternatives of "A or B". One that starts with a preposition shares the head of the first:
 * "reform of SOEs or of state-owned assets" is "reform of SOEs" and "reform of state-owned assets".
 */
function alternatives(piece: string): string[] {
  const [first, ...rest] = piece.split(/\s+or\s+/i);
  return [
    first,
    ...rest.map((alt) => {
      const prep = PREPOSITION.exec(alt)?.[1];
      if (!prep) return alt;
      const at = first.toLowerCase().split(" ").indexOf(prep.toLowerCase());
      return at > 0 ? `${first.split(" ").slice(0, at).join(" ")} ${alt}` : alt;
    }),
  ];
}

function piecesOf(cue: string): string[] {
  return cue
    .replace(/\([^)]*\)/g, " ") // "key (core) technologies": the parenthesis is an optional variant
    .replace(/['‘’"“”]s\b/g, "") // "the Party's leadership": the possessive is no word of its own
    .split(/[,;]/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .flatMap(alternatives)
    .map((p) => p.replace(/['‘’"“”]/g, "").trim())
    .filter(Boolean);
}

/** The queries of one cue, in the cue's order, without repeats. */
export function cueQueries(cue: string): CueQuery[] {
  const out: CueQuery[] = [];
  const pieces = piecesOf(cue);
  for (const phrase of pieces) {
    const index = searchIndexFor(phrase);
    let query: string;
    if (index === "trigram") {
      // Chinese or Japanese: the piece as written, as a substring (at least 3 characters).
      if ([...phrase.replace(/\s/g, "")].length < 3) continue;
      query = `"${phrase.replace(/"/g, '""')}"`;
    } else {
      // A joined word (self-reliance, R&D) stays one phrase of its parts, as the text has it.
      const words = phrase.split(" ").filter((w) => !STOPWORDS.has(w.toLowerCase()));
      const terms = words.map((w) => (w.match(TOKEN) ?? []).map((t) => t.toLowerCase())).filter((t) => t.length > 0);
      if (terms.flat().length === 0 || (terms.flat().length < 2 && pieces.length > 1)) continue;
      query = terms.map((t) => `"${t.join(" ")}"`).join(" ");
    }
    if (!out.some((q) => q.query === query)) out.push({ phrase, query, index });
  }
  return out;
}
