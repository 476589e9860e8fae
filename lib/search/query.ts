// The pure side of search: which index a query goes to, the checks on the `q` parameter
// before SQLite sees it, and turning FTS5's highlight() marks into hits with their context.
import type { ParamIssue } from "../filters/schema";

/** "words": Porter-stemmed words (English); "trigram": substrings, for CJK text without spaces. */
export type SearchIndex = "words" | "trigram";

export const MAX_QUERY_LENGTH = 500;
export const CONTEXT_CHARS = 80;

// Han, Hiragana, Katakana, Hangul: scripts written without spaces between words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

export function searchIndexFor(q: string): SearchIndex {
  return CJK.test(q) ? "trigram" : "words";
}

/** The `q` values of a request (all of them, to refuse repeats), checked; SQLite's own parse comes after. */
export function checkSearchQuery(values: readonly string[]): { ok: true; q: string } | { ok: false; issue: ParamIssue } {
  const bad = (message: string) => ({ ok: false as const, issue: { parameter: "q", message } });
  if (values.length > 1) return bad("may be given only once");
  const q = (values[0] ?? "").trim();
  if (!q) return bad('is required: the words to search for, e.g. q="new quality productive forces"');
  if (q.length > MAX_QUERY_LENGTH) return bad(`must be at most ${MAX_QUERY_LENGTH} characters`);
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(q)) return bad("must not contain control characters");
  if (searchIndexFor(q) === "trigram") {
    // The trigram index matches substrings of three characters or more; a shorter CJK term
    // would silently match nothing, which reads as "the phrase never occurs".
    const short = (q.match(CJK_RUN) ?? []).find((run) => [...run].length < 3);
    if (short) return bad(`Chinese, Japanese or Korean terms need at least 3 characters (the index is of 3-character substrings); "${short}" is shorter`);
  }
  return { ok: true, q: normalizeQuery(q) };
}

// A word with punctuation inside it (state-owned, Party's, 14th/15th) is not an FTS5
// "bareword": FTS5 reads "state-owned" as a column filter and fails. Such a word is quoted,
// which makes it the phrase of its parts, as the tokenizer splits the text.
const JOINED_WORD = /^([\p{L}\p{N}_]+(?:[^\s\p{L}\p{N}_*^:"()+]+[\p{L}\p{N}_]+)+)(\*?)$/u;

/** The query as FTS5 should read it: quoted phrases untouched, joined words quoted. */
export function normalizeQuery(q: string): string {
  let out = "";
  for (const part of q.split(/("[^"]*"?)/)) {
    if (part.startsWith('"')) {
      out += part;
      continue;
    }
    out += part
      .split(/(\s+|[()])/)
      .map((run) => {
        const m = JOINED_WORD.exec(run);
        return m ? `"${m[1]}"${m[2]}` : run;
      })
      .join("");
  }
  return out;
}

export type MarkedHit = { start: number; end: number; match: string; left: string; right: string };

const oneLine = (s: string) => s.replace(/\s+/g, " ");

/** Cut at most `n` UTF-16 units without splitting a surrogate pair. */
function leftOf(text: string, at: number, n: number): string {
  let from = Math.max(0, at - n);
  if (from > 0 && /[\udc00-\udfff]/.test(text[from] ?? "")) from += 1;
  return oneLine(text.slice(from, at));
}
function rightOf(text: string, at: number, n: number): string {
  let to = Math.min(text.length, at + n);
  if (to < text.length && /[\ud800-\udbff]/.test(text[to - 1] ?? "")) to -= 1;
  return oneLine(text.slice(at, to));
}

/**
 * The hits in a text that highlight() returned with `open`/`close` around every matched
 * phrase instance: offsets into the unmarked text, the matched words, and context on either side.
 */
export function hitsFromMarked(marked: string, open: string, close: string, context = CONTEXT_CHARS): MarkedHit[] {
  const spans: { start: number; end: number }[] = [];
  let text = "";
  let at = 0;
  for (;;) {
    const o = marked.indexOf(open, at);
    if (o < 0) break;
    const c = marked.indexOf(close, o + open.length);
    if (c < 0) break;
    text += marked.slice(at, o);
    const start = text.length;
    text += marked.slice(o + open.length, c);
    spans.push({ start, end: text.length });
    at = c + close.length;
  }
  text += marked.slice(at);
  return spans.map((s) => ({
    ...s,
    match: text.slice(s.start, s.end),
    left: leftOf(text, s.start, context),
    right: rightOf(text, s.end, context),
  }));
}
