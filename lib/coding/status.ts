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

/** The coding the charts show by default: built by adjudication, or the only coder's passages. */
export const CONSENSUS = "consensus";

/** A coder's name as it appears in URLs, files and exports: letters, digits, dot, dash, underscore. */
export const CODER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const CODER_NAME_HINT = "1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit";
