// The CSV exports: each is the very data a chart or table draws, flattened to rows.
import { csvDate } from "../measure/totals";
import type { CsvCell } from "./csv";
import type { ArticleThemeRow, BySource, Timeline } from "../queries/analytics";

// value, ci_low and ci_high are empty where undefined: no coded articles (no value), or no
// interval (passages, or a share resting on one article). No data is never written as 0.
export const TIMELINE_COLUMNS = ["period_start", "period_end", "period", "theme", "metric", "value", "ci_low", "ci_high", "articles", "words", "tagged_words", "passages"] as const;
export const BY_SOURCE_COLUMNS = ["source", "theme", "metric", "value", "ci_low", "ci_high", "articles", "words", "tagged_words", "passages"] as const;
export const PASSAGES_COLUMNS = ["article_slug", "article_title", "date", "date_precision", "date_basis", "source", "publisher", "theme", "quote", "start", "end", "words", "annotator"] as const;
export const ARTICLE_THEMES_COLUMNS = ["article_slug", "date", "date_precision", "date_basis", "coding_status", "source", "publisher", "words", "theme", "tagged_words", "passages"] as const;

export function timelineRows(t: Timeline): CsvCell[][] {
  return t.periods.flatMap((p) =>
    p.cells.map((c) => [p.start, p.end, p.period, c.theme, t.metric, c.value, c.ci?.low, c.ci?.high, c.articles, c.words, c.taggedWords, c.passages]),
  );
}

export function bySourceRows(b: BySource): CsvCell[][] {
  return b.sources.flatMap((s) =>
    s.cells.map((c) => [s.source, c.theme, b.metric, c.value, c.ci?.low, c.ci?.high, c.articles, c.words, c.taggedWords, c.passages]),
  );
}

export function articleThemeRows(rows: ArticleThemeRow[]): CsvCell[][] {
  return rows.map((r) => [
    r.articleSlug,
    csvDate(r.dateStart, r.datePrecision),
    r.datePrecision,
    r.dateBasis,
    r.codingStatus,
    r.source,
    r.publisher,
    r.words,
    r.theme,
    r.taggedWords,
    r.passages,
  ]);
}
