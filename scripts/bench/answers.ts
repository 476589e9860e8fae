// Is the floor the same answer? The sums a chart request returned (its JSON cells) against the
// rows of a floor ([bucket, themeId, articles, words, tagged, passages, withTheme, tt, tw, ww]),
// so that a ratio never compares a fast wrong answer with a slow right one.
import { periodFromIndex } from "../../lib/measure/periods";

type Cell = { theme: string; articles: number; words: number; taggedWords: number; passages: number; articlesWithTheme: number };
type TimelineJson = { granularity: "month" | "quarter" | "year"; periods: { period: string; cells: Cell[] }[] };
type BySourceJson = { sources: { source: string; cells: Cell[] }[] };

/** Differences between the request's cells and the floor's rows (empty when they agree), at most a few. */
export function compareAnswer(
  json: unknown,
  rows: unknown[][],
  names: { theme: (id: number) => string; source: (id: number) => string },
  kind: "timeline" | "by-source",
): string[] {
  const cells = new Map<string, Cell>();
  if (kind === "timeline") {
    const t = json as TimelineJson;
    for (const p of t.periods) for (const c of p.cells) cells.set(`${p.period}|${c.theme}`, c);
  } else {
    for (const s of (json as BySourceJson).sources) for (const c of s.cells) cells.set(`${s.source}|${c.theme}`, c);
  }
  const g = kind === "timeline" ? (json as TimelineJson).granularity : "quarter";
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const [b, theme, articles, words, tagged, passages, withTheme] = r.map((x) => Number(x ?? 0));
    const key = `${kind === "timeline" ? periodFromIndex(b, g) : names.source(b)}|${names.theme(theme)}`;
    seen.add(key);
    const c = cells.get(key);
    const want = [articles, words, tagged, passages, withTheme];
    const got = c ? [c.articles, c.words, c.taggedWords, c.passages, c.articlesWithTheme] : null;
    if (!got || got.some((x, i) => x !== want[i])) out.push(`${key}: request ${JSON.stringify(got)}, floor ${JSON.stringify(want)}`);
  }
  for (const [key, c] of cells) if (!seen.has(key) && c.articles > 0) out.push(`${key}: request has ${c.articles} articles, the floor none`);
  return out.slice(0, 5);
}
