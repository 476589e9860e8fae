// Time buckets of the timeline. A bucket is named by a key ("2023-04", "2023-Q2", "2023");
// these helpers turn a day into its key, a key into its first and last day, and fill the
// keys between two others so that empty buckets show as zeros instead of vanishing.
import type { DatePrecision } from "./dates";
import { lastDayOfMonth } from "./dates";
import type { Granularity } from "../filters/schema";

/** Date precisions fine enough to be placed in a bucket of this granularity. */
export const PLACEABLE: Record<Granularity, readonly DatePrecision[]> = {
  month: ["day", "month"],
  quarter: ["day", "month"],
  year: ["day", "month", "year"],
};

const pad = (n: number) => String(n).padStart(2, "0");
/** Years are written with four digits (ISO keys sort as text only then): 999 -> "0999". */
const year4 = (y: number) => String(y).padStart(4, "0");

/**
 * The most buckets one request may draw: 100 years by month, 300 by quarter. The work a
 * request causes (rows, HTML, CSV) grows with it, so a wider view is refused, never cut.
 */
export const MAX_PERIODS = 1200;

const UNIT: Record<Granularity, string> = { month: "months", quarter: "quarters", year: "years" };

/** A view would need more buckets than MAX_PERIODS; its message says so in words. */
export class TooManyPeriodsError extends Error {
  constructor(
    readonly periods: number,
    readonly granularity: Granularity,
    readonly max = MAX_PERIODS,
  ) {
    super(tooManyPeriodsMessage(periods, granularity, max));
    this.name = "TooManyPeriodsError";
  }
}

export function tooManyPeriodsMessage(periods: number, g: Granularity, max = MAX_PERIODS): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `the dates span ${n(periods)} ${UNIT[g]}; one view may show at most ${n(max)} ${UNIT[g]}: narrow from/to or choose a coarser granularity`;
}

export function periodKey(day: string, g: Granularity): string {
  const y = year4(Number(day.slice(0, 4)));
  const m = Number(day.slice(5, 7));
  if (g === "year") return y;
  if (g === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${pad(m)}`;
}

function parseKey(key: string, g: Granularity): { y: number; i: number } {
  const y = Number(key.slice(0, 4));
  if (g === "year") return { y, i: 0 };
  if (g === "quarter") return { y, i: Number(key.slice(6)) - 1 };
  return { y, i: Number(key.slice(5, 7)) - 1 };
}

export function periodBounds(key: string, g: Granularity): { start: string; end: string } {
  const { y, i } = parseKey(key, g);
  const yy = year4(y);
  if (g === "year") return { start: `${yy}-01-01`, end: `${yy}-12-31` };
  const firstMonth = g === "quarter" ? i * 3 + 1 : i + 1;
  const lastMonth = g === "quarter" ? firstMonth + 2 : firstMonth;
  return { start: `${yy}-${pad(firstMonth)}-01`, end: `${yy}-${pad(lastMonth)}-${pad(lastDayOfMonth(y, lastMonth))}` };
}

/** The bucket's number, as `periodSql` computes it in SQLite. */
export function periodIndex(key: string, g: Granularity): number {
  const { y, i } = parseKey(key, g);
  return g === "year" ? y : y * (g === "quarter" ? 4 : 12) + i;
}

export function nextPeriod(key: string, g: Granularity): string {
  return periodFromIndex(periodIndex(key, g) + 1, g);
}

/** How many buckets from `first` to `last`, both included (0 when first > last). */
export function periodCount(first: string, last: string, g: Granularity): number {
  return Math.max(0, periodIndex(last, g) - periodIndex(first, g) + 1);
}

/**
 * Every key from `first` to `last`, both included (empty when first > last). More than `max`
 * keys throws TooManyPeriodsError: a view is refused rather than silently cut short.
 */
export function periodRange(first: string, last: string, g: Granularity, max = MAX_PERIODS): string[] {
  const count = periodCount(first, last, g);
  if (count > max) throw new TooManyPeriodsError(count, g, max);
  const start = periodIndex(first, g);
  return Array.from({ length: count }, (_, k) => periodFromIndex(start + k, g));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function periodLabel(key: string, g: Granularity): string {
  const { y, i } = parseKey(key, g);
  if (g === "year") return String(y);
  if (g === "quarter") return `Q${i + 1} ${y}`;
  return `${MONTHS[i]} ${y}`;
}

/**
 * SQLite expression numbering the bucket of an ISO date column (year*12 + month-1, year*4 +
 * quarter-1, or the year). Grouping by an integer is about twice as fast as by a built string
 * at 100,000 articles; `periodFromIndex` turns the number back into a key.
 */
export function periodSql(column: string, g: Granularity): string {
  const year = `CAST(substr(${column}, 1, 4) AS INTEGER)`;
  const month0 = `(CAST(substr(${column}, 6, 2) AS INTEGER) - 1)`;
  if (g === "year") return year;
  if (g === "quarter") return `${year} * 4 + ${month0} / 3`;
  return `${year} * 12 + ${month0}`;
}

export function periodFromIndex(n: number, g: Granularity): string {
  if (g === "year") return year4(n);
  if (g === "quarter") return `${year4(Math.floor(n / 4))}-Q${(n % 4) + 1}`;
  return `${year4(Math.floor(n / 12))}-${pad((n % 12) + 1)}`;
}
