// Where an article stands in coding. Only coded and reviewed articles count in theme metrics
// (numerator and denominator alike): an article nobody has tagged yet is not "0% of every
// theme", it is not measured yet.
export const CODING_STATUSES = ["uncoded", "in-progress", "coded", "reviewed"] as const;
export type CodingStatus = (typeof CODING_STATUSES)[number];

/** The statuses whose articles the charts, tables and exports count by default. */
export const COUNTED_STATUSES: readonly CodingStatus[] = ["coded", "reviewed"];

export const CODING_STATUS_LABELS: Record<CodingStatus, string> = {
  uncoded: "Not coded",
  "in-progress": "Coding in progress",
  coded: "Coded",
  reviewed: "Reviewed",
};

export const isCounted = (s: string): boolean => (COUNTED_STATUSES as readonly string[]).includes(s);
