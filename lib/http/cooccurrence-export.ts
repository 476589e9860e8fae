// cooccurrence.csv: one row per unordered pair of themes; theme_a = theme_b is the theme's own totals.
import type { CsvCell } from "./csv";
import type { Cooccurrence } from "../queries/cooccurrence";

export const COOCCURRENCE_COLUMNS = ["theme_a", "theme_b", "passages", "articles"] as const;

export const cooccurrenceRows = (c: Cooccurrence): CsvCell[][] => c.cells.map((x) => [x.a, x.b, x.passages, x.articles]);
