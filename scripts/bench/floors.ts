// The floors: the same answer as each dashboard request, computed by raw better-sqlite3 on the
// same file in the same run. Two per chart request:
//   rollup: the smallest sums table of the schema that holds the request's keys: MonthRollup
//           without an organization filter, SourceRollup for by-source over all dates,
//           SourceMonthRollup for one source or by-source with a date range (ThemeRollup before
//           that table existed), MentionMonthRollup for one organization mentioned
//           (MentionRollup by source or before that table existed; ThemeFact by article id
//           before either); a date range not aligned to months from the same tables for its
//           whole months and the narrow fact table ThemeFact, by its (coder, dateStart) index,
//           for the days of the months it cuts;
//   naive:  the join over every article x theme row, grouped per request (Article x ArticleTheme,
//           the query the project used before the rollups), written in its fastest form (IN, not
//           a correlated EXISTS).
import type Database from "better-sqlite3";
import type { Corpus } from "./corpus";
import { SECOND_CODER } from "./corpus";

export type Floor = (db: Database.Database) => unknown;

export type ChartCase = {
  name: string;
  path: string;
  /** what the request answers, for comparing its JSON with the floor (compareAnswer) */
  kind: "timeline" | "by-source" | "page";
  rollup: Floor;
  /**
   * The rest of a timeline's answer: the names of the first articles of inferred date on each
   * point (slugs, in the timeline's order), read raw from the fact table's partial indexes as
   * the app reads them. Part of the rollup floor's time: the floor is the whole answer.
   */
  names?: (db: Database.Database) => string[];
  naive: Floor;
};

const COUNTED = `('coded', 'reviewed')`;
const QUARTER = `(month / 12) * 4 + (month % 12) / 3`;
const SUMS = `SUM(articles), SUM(words), SUM(tagged), SUM(passages), SUM("withTheme"), SUM(tt), SUM(tw), SUM(ww)`;
const FACT_SUMS = `COUNT(*), SUM(words), SUM(tagged), SUM(passages), SUM(CASE WHEN passages > 0 THEN 1 ELSE 0 END),
  SUM(tagged * tagged), SUM(tagged * words), SUM(words * words)`;
const NAIVE_SUMS = `COUNT(*), SUM(a."wordCount"), SUM(s."taggedWords"), SUM(s.passages), SUM(CASE WHEN s.passages > 0 THEN 1 ELSE 0 END),
  SUM(s."taggedWords" * s."taggedWords"), SUM(s."taggedWords" * a."wordCount"), SUM(a."wordCount" * a."wordCount")`;
const Y = `CAST(substr(a."dateStart", 1, 4) AS INTEGER)`;
const M0 = `(CAST(substr(a."dateStart", 6, 2) AS INTEGER) - 1)`;
const NAIVE_QUARTER = `${Y} * 4 + ${M0} / 3`;
const NAIVE_MONTH = `${Y} * 12 + ${M0}`;

type Spec = {
  coder?: string;
  /** null: every status (coding=all) */
  statuses?: string | null;
  /** timeline bucket, or by source */
  group: "quarter" | "month" | "source";
  theme?: number;
  source?: number;
  mentioned?: number;
  /** an aligned range as months (year*12 + month-1), inclusive */
  months?: [number, number];
  /** an unaligned range of days */
  days?: [string, string];
};

const all = (sql: string, ...params: unknown[]): Floor => (db) => db.prepare(sql).raw().all(...params);

function rollupFloor(s: Spec, mentionRollup: boolean, tables: ReadonlySet<string> = new Set()): Floor {
  const coder = s.coder ?? "consensus";
  const status = s.statuses === null ? "" : `AND status IN ${s.statuses ?? COUNTED}`;
  const precision = s.group === "source" ? "" : `AND precision IN ('day', 'month')`;
  const bucket = s.group === "quarter" ? QUARTER : s.group === "month" ? "month" : `"sourceId"`;
  const conds = [
    s.theme !== undefined ? `AND "themeId" = ${s.theme}` : "",
    s.source !== undefined ? `AND "sourceId" = ${s.source}` : "",
    s.months ? `AND month BETWEEN ${s.months[0]} AND ${s.months[1]}` : "",
  ].join(" ");
  if (s.mentioned !== undefined && mentionRollup && !s.days) {
    const table = s.group !== "source" && tables.has("MentionMonthRollup") ? "MentionMonthRollup" : "MentionRollup";
    return all(`SELECT ${bucket} AS b, "themeId", ${SUMS} FROM "${table}"
      WHERE "organizationId" = ${s.mentioned} AND coder = ? ${status} ${precision} ${conds} GROUP BY b, "themeId"`, coder);
  }
  if (s.days && s.mentioned === undefined) return unalignedFloor(s, s.days, tables);
  if (s.mentioned !== undefined || s.days) {
    const facts = [
      s.mentioned !== undefined ? `AND "articleId" IN (SELECT "articleId" FROM "ArticleMention" WHERE "organizationId" = ${s.mentioned})` : "",
      // dateStart <= to is implied (dateStart <= dateEnd), and bounds the index range.
      s.days ? `AND "dateStart" >= '${s.days[0]}' AND "dateStart" <= '${s.days[1]}' AND "dateEnd" <= '${s.days[1]}'` : "",
    ].join(" ");
    return all(`SELECT ${bucket} AS b, "themeId", ${FACT_SUMS} FROM "ThemeFact"
      WHERE coder = ? ${status} ${precision} ${conds} ${facts} GROUP BY b, "themeId"`, coder);
  }
  // The smallest rollup that holds the keys the request filters and groups by.
  const bySourceMonth = tables.has("SourceMonthRollup") ? "SourceMonthRollup" : "ThemeRollup";
  const table = s.source !== undefined ? bySourceMonth : s.group === "source" ? (s.months ? bySourceMonth : "SourceRollup") : "MonthRollup";
  return all(`SELECT ${bucket} AS b, "themeId", ${SUMS} FROM "${table}"
    WHERE coder = ? ${status} ${precision} ${conds} GROUP BY b, "themeId"`, coder);
}

const monthOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const lastDayOf = (m: number) => new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).toISOString().slice(0, 10);

/**
 * A date range that cuts months: the months wholly inside it from ThemeRollup, the days of the
 * cut first and last months from ThemeFact by its (coder, dateStart) index; rows added up.
 */
function unalignedFloor(s: Spec, [from, to]: [string, string], tables: ReadonlySet<string>): Floor {
  const first = monthOf(from);
  const last = monthOf(to);
  const wholeFrom = from.endsWith("-01") ? first : first + 1;
  const wholeTo = to === lastDayOf(last) ? last : last - 1;
  const cuts: [string, string][] = [];
  if (wholeFrom > first) cuts.push([from, first === last ? to : lastDayOf(first)]);
  if (wholeTo < last && last !== first) cuts.push([`${to.slice(0, 8)}01`, to]);
  const whole = wholeFrom <= wholeTo ? rollupFloor({ ...s, days: undefined, months: [wholeFrom, wholeTo] }, false, tables) : null;
  const parts = cuts.map(([a, b]) => factDays(s, a, b));
  return (db) => {
    const sums = new Map<string, number[]>();
    for (const rows of [...(whole ? [whole(db)] : []), ...parts.map((p) => p(db))] as unknown[][][]) {
      for (const r of rows) {
        const key = `${String(r[0])}|${String(r[1])}`;
        const prev = sums.get(key);
        const vals = r.map((x) => Number(x ?? 0));
        sums.set(key, prev ? prev.map((x, i) => (i < 2 ? x : x + vals[i])) : vals);
      }
    }
    return [...sums.values()];
  };
}

function factDays(s: Spec, from: string, to: string): Floor {
  const coder = s.coder ?? "consensus";
  const status = s.statuses === null ? "" : `AND status IN ${s.statuses ?? COUNTED}`;
  const bucket = s.group === "quarter" ? QUARTER : s.group === "month" ? "month" : `"sourceId"`;
  return all(`SELECT ${bucket} AS b, "themeId", ${FACT_SUMS} FROM "ThemeFact"
    WHERE coder = ? AND "dateStart" >= '${from}' AND "dateStart" <= '${to}' AND "dateEnd" <= '${to}' ${status} AND precision IN ('day', 'month')
    ${s.theme !== undefined ? `AND "themeId" = ${s.theme}` : ""} ${s.source !== undefined ? `AND "sourceId" = ${s.source}` : ""}
    GROUP BY b, "themeId"`, coder);
}

function naiveFloor(s: Spec): Floor {
  const coder = s.coder ?? "consensus";
  const statusOf = coder === "consensus" ? `a."codingStatus"` : `k.status`;
  const join = coder === "consensus" ? "" : `JOIN "ArticleCoding" k ON k."articleId" = a.id AND k.coder = '${coder}'`;
  const bucket = s.group === "quarter" ? NAIVE_QUARTER : s.group === "month" ? NAIVE_MONTH : `a."sourceId"`;
  const conds = [
    s.statuses === null ? "" : `AND ${statusOf} IN ${s.statuses ?? COUNTED}`,
    s.group === "source" ? "" : `AND a."datePrecision" IN ('day', 'month')`,
    s.theme !== undefined ? `AND s."themeId" = ${s.theme}` : "",
    s.source !== undefined ? `AND a."sourceId" = ${s.source}` : "",
    s.mentioned !== undefined ? `AND a.id IN (SELECT "articleId" FROM "ArticleMention" WHERE "organizationId" = ${s.mentioned})` : "",
    s.months ? `AND ${NAIVE_MONTH} BETWEEN ${s.months[0]} AND ${s.months[1]}` : "",
    s.days ? `AND a."dateStart" >= '${s.days[0]}' AND a."dateEnd" <= '${s.days[1]}'` : "",
  ].join(" ");
  return all(`SELECT ${bucket} AS b, s."themeId", ${NAIVE_SUMS}
    FROM "Article" a JOIN "ArticleTheme" s ON s."articleId" = a.id AND s.coder = ? ${join}
    WHERE 1 = 1 ${conds} GROUP BY b, s."themeId"`, coder);
}

/** The summary line's numbers: articles in view by status and date precision, their words and passages. */
const rollupSummary: Floor = all(`SELECT status, precision, SUM(articles), SUM(words), SUM(passages) FROM "MonthRollup"
  WHERE coder = 'consensus' GROUP BY status, precision, "themeId"`);
const naiveSummary: Floor = (db) => [
  db.prepare(`SELECT COUNT(*), SUM(CASE WHEN a."codingStatus" IN ${COUNTED} THEN a."wordCount" ELSE 0 END),
    SUM(CASE WHEN a."codingStatus" IN ${COUNTED} AND a."datePrecision" != 'unknown' THEN 1 ELSE 0 END) FROM "Article" a`).raw().all(),
  db.prepare(`SELECT SUM(s.passages) FROM "Article" a JOIN "ArticleTheme" s ON s."articleId" = a.id AND s.coder = 'consensus'
    WHERE a."codingStatus" IN ${COUNTED}`).raw().all(),
];

const both = (...floors: Floor[]): Floor => (db) => floors.map((f) => f(db));

const NAMED = 10;
const isoDay = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);

/** The names floor of a timeline (see ChartCase.names): per bucket in its date order, or for an organization mentioned one read for all. */
function namesFloor(s: Spec, firstTheme: number, indexes: ReadonlySet<string>): ((db: Database.Database) => string[]) | undefined {
  if (s.group === "source" || !indexes.has("ThemeFact_inferred_source")) return undefined;
  const coder = s.coder ?? "consensus";
  const status = s.statuses === null ? "" : `AND status IN ${s.statuses ?? COUNTED}`;
  const range = s.days
    ? [s.days[0], s.days[1]]
    : s.months
      ? [isoDay(Math.floor(s.months[0] / 12), s.months[0] % 12, 1), isoDay(Math.floor(s.months[1] / 12), (s.months[1] % 12) + 1, 0)]
      : undefined;
  const conds = `coder = ? AND "themeId" = ${firstTheme} AND basis = 'inferred' ${status} AND precision IN ('day', 'month')
    ${s.source !== undefined ? `AND "sourceId" = ${s.source}` : ""} ${range ? `AND "dateStart" >= '${range[0]}' AND "dateEnd" <= '${range[1]}'` : ""}`;
  if (s.mentioned !== undefined) {
    const month = `(CAST(substr("dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr("dateStart", 6, 2) AS INTEGER) - 1)`;
    const bucket = s.group === "quarter" ? `(${month} / 12) * 4 + (${month} % 12) / 3` : month;
    const sql = `SELECT a.slug FROM (SELECT b, "articleId", "dateStart", ROW_NUMBER() OVER (PARTITION BY b ORDER BY "dateStart", "articleId") AS n
        FROM (SELECT ${bucket} AS b, "articleId", "dateStart" FROM "ThemeFact" INDEXED BY "ThemeFact_inferred"
          WHERE ${conds} AND "articleId" IN (SELECT "articleId" FROM "ArticleMention" WHERE "organizationId" = ${s.mentioned}))) y
      JOIN "Article" a ON a.id = y."articleId" WHERE y.n <= ${NAMED} ORDER BY y."dateStart", y."articleId"`;
    return (db) => db.prepare(sql).pluck().all(coder) as string[];
  }
  const index = s.source !== undefined ? "ThemeFact_inferred_source" : "ThemeFact_inferred";
  const sql = `SELECT a.slug FROM (SELECT "articleId", "dateStart" FROM "ThemeFact" INDEXED BY "${index}"
      WHERE ${conds} AND "dateStart" BETWEEN ? AND ? ORDER BY "dateStart", "articleId" LIMIT ${NAMED}) x
    JOIN "Article" a ON a.id = x."articleId" ORDER BY x."dateStart", x."articleId"`;
  return (db) => {
    const st = db.prepare(sql).pluck();
    // The corpus's dates run 2013-2024; a bucket is a quarter or a month of them.
    const out: string[] = [];
    const step = s.group === "quarter" ? 3 : 1;
    for (let m = 2013 * 12; m < 2025 * 12; m += step) {
      const from = isoDay(Math.floor(m / 12), m % 12, 1);
      const to = isoDay(Math.floor(m / 12), (m % 12) + step, 0);
      if (range && (to < range[0] || from > range[1])) continue;
      out.push(...(st.all(coder, from, to) as string[]));
    }
    return out;
  };
}

/** Every dashboard request the benchmark times, with its two floors. */
export function chartCases(c: Corpus): ChartCase[] {
  const tables = new Set(c.tables);
  const indexes = new Set(c.indexes);
  const reform = c.themes.find((t) => t.slug === "reform")!.id;
  const y2020: [number, number] = [2020 * 12, 2020 * 12 + 11];
  const cases: [string, string, Spec][] = [
    ["timeline (default)", "/api/timeline", { group: "quarter" }],
    [`timeline month, reform, source ${c.source.slug}`, `/api/timeline?granularity=month&theme=reform&org=${c.source.slug}`, { group: "month", theme: reform, source: c.source.id }],
    [`timeline mentioned ${c.mentioned.slug}`, `/api/timeline?orgRole=mentioned&org=${c.mentioned.slug}`, { group: "quarter", mentioned: c.mentioned.id }],
    ["timeline 2020 (aligned range)", "/api/timeline?from=2020-01-01&to=2020-12-31", { group: "quarter", months: y2020 }],
    ["timeline 2020-01-15..11-20 (unaligned)", "/api/timeline?from=2020-01-15&to=2020-11-20", { group: "quarter", days: ["2020-01-15", "2020-11-20"] }],
    [`timeline coder=${SECOND_CODER}`, `/api/timeline?coder=${SECOND_CODER}`, { group: "quarter", coder: SECOND_CODER }],
    ["timeline coding=all", "/api/timeline?coding=all", { group: "quarter", statuses: null }],
    ["timeline status=reviewed", "/api/timeline?status=reviewed", { group: "quarter", statuses: "('reviewed')" }],
    ["by-source (default)", "/api/by-source", { group: "source" }],
    ["by-source metric=articles", "/api/by-source?metric=articles", { group: "source" }],
  ];
  const out: ChartCase[] = cases.map(([name, path, spec]) => ({
    name,
    path,
    kind: spec.group === "source" ? "by-source" : "timeline",
    rollup: rollupFloor(spec, c.mentionRollup, tables),
    names: namesFloor(spec, Math.min(...c.themes.map((t) => t.id)), indexes),
    naive: naiveFloor(spec),
  }));
  // The page draws the default timeline, by-source and the summary line.
  out.push({
    name: "dashboard page /",
    path: "/",
    kind: "page",
    rollup: both(rollupFloor({ group: "quarter" }, c.mentionRollup, tables), rollupFloor({ group: "source" }, c.mentionRollup, tables), rollupSummary),
    naive: both(naiveFloor({ group: "quarter" }), naiveFloor({ group: "source" }), naiveSummary),
  });
  return out;
}
