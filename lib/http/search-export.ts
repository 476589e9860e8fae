// search.csv: one row per hit, with its context and the themes of the passages it falls in.
import { csvDate } from "../measure/totals";
import type { CsvCell } from "./csv";
import type { SearchHit } from "../queries/search";

export const SEARCH_COLUMNS = [
  "article_slug",
  "article_title",
  "date",
  "date_precision",
  "date_basis",
  "source",
  "coding_status",
  "start",
  "end",
  "left",
  "match",
  "right",
  "themes",
] as const;

/** `themes` is the passages' theme slugs joined by ";", or "untagged". */
export function searchHitRows(hits: SearchHit[]): CsvCell[][] {
  return hits.map((h) => [
    h.articleSlug,
    h.articleTitle,
    csvDate(h.dateStart, h.datePrecision),
    h.datePrecision,
    h.dateBasis,
    h.source,
    h.codingStatus,
    h.start,
    h.end,
    h.left,
    h.match,
    h.right,
    h.themes.length ? h.themes.join(";") : "untagged",
  ]);
}
