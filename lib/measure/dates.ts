// Dates of articles are known to a day, a month, a year, or not at all. Each known date
// stands for a period [start, end] of ISO days; charts place an article only in a bucket
// that contains its whole period, so a coarse date is never pinned to a guessed day.

export const DATE_PRECISIONS = ["day", "month", "year", "unknown"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export type Period = { start: string; end: string };

/** Whether a known date is stated by the text itself or inferred by an editor. */
export const DATE_BASES = ["stated", "inferred"] as const;
export type DateBasis = (typeof DATE_BASES)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

/**
 * The period a date stands for, or an error message. Day: "YYYY-MM-DD"; month: "YYYY-MM";
 * year: "YYYY"; unknown: null.
 */
export function periodOf(date: string | null, precision: DatePrecision): Period | null | string {
  if (precision === "unknown") return date === null ? null : `precision "unknown" takes no date, got "${date}"`;
  if (date === null) return `precision "${precision}" needs a date`;
  if (precision === "day") {
    return isIsoDay(date) ? { start: date, end: date } : `"${date}" is not a valid YYYY-MM-DD date`;
  }
  if (precision === "month") {
    const m = /^(\d{4})-(\d{2})$/.exec(date);
    const mo = m ? Number(m[2]) : 0;
    if (!m || mo < 1 || mo > 12) return `"${date}" is not a valid YYYY-MM month`;
    const y = Number(m[1]);
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(y, mo))}` };
  }
  if (!/^\d{4}$/.test(date)) return `"${date}" is not a valid YYYY year`;
  return { start: `${date}-01-01`, end: `${date}-12-31` };
}

/** How a stored date reads to a person: "18 Apr 2023", "Apr 2023", "2023", "date unknown". */
export function formatDate(start: string | null, precision: string): string {
  if (!start || precision === "unknown") return "date unknown";
  const [y, m, d] = start.split("-").map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  if (precision === "year") return String(y);
  if (precision === "month") return `${month} ${y}`;
  return `${d} ${month} ${y}`;
}
