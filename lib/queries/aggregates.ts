import "server-only";
// The chart queries' one source of rows: sums per (theme, month, date precision, date basis,
// coding status, source) for the view's coding and filters, taken from the rollup table where
// it can answer exactly and from the narrow fact table where it cannot, never from the
// article join (tables and triggers: migration 20261201150000_rollups).
//   - Organizations as source or publisher, coding status, themes: rollup columns.
//   - A date range: months wholly inside it from the rollup; the days of a month the range
//     cuts (its first and last month, when they are not whole) from the fact table, by date.
//   - One organization mentioned: the same sums per mentioned organization (MentionMonthRollup;
//     MentionRollup, with the source, by source).
//     Several at once: the fact table, its articles looked up by id (IN, with the mention
//     index), since an article that names two of them must count once.
// Both tables have the same column names, so one set of conditions serves both.
import { Prisma } from "../../generated/prisma/client";
import { CONSENSUS } from "../coding/status";
import type { Filters } from "../filters/schema";
import { lastDayOfMonth } from "../measure/dates";

const sql = Prisma.sql;

/** Which themes' rows: the view's selection, or one theme (the first) for per-article denominators. */
export type ThemeRows = "selected" | "first";

/** Columns of the relation: keys, then the sums (a fact row is one article). */
const SUM_COLUMNS = Prisma.raw(`articles, words, tagged, passages, "withTheme", tt, tw, ww`);
const ROLLUP_COLUMNS = sql`"themeId", month, precision, basis, status, "sourceId", ${SUM_COLUMNS}`;
/** The coarser rollups lack a key or two; the relation has every column, constant where no filter or group reads it. */
const MONTH_COLUMNS = sql`"themeId", month, precision, basis, status, 0 AS "sourceId", ${SUM_COLUMNS}`;
const SOURCE_COLUMNS = sql`"themeId", 0 AS month, '' AS precision, basis, status, "sourceId", ${SUM_COLUMNS}`;
const FACT_COLUMNS = sql`"themeId", month, precision, basis, status, "sourceId",
  1 AS articles, words, tagged, passages, passages > 0 AS "withTheme", tagged * tagged AS tt, tagged * words AS tw, words * words AS ww`;

const coderOf = (f: Filters): string => f.coder ?? CONSENSUS;

/**
 * Every article of a coding has a per-theme row for every theme (fillMissingThemeRows keeps it
 * so; db:check verifies it), so the rows of one theme count each article once.
 */
const FIRST_THEME = sql`"themeId" = (SELECT MIN(id) FROM "Theme")`;

function common(f: Filters, themes: ThemeRows): Prisma.Sql[] {
  const c = [sql`coder = ${coderOf(f)}`];
  // A coder's rows before that coder has a coding of the article belong to no view.
  if (coderOf(f) !== CONSENSUS) c.push(sql`status != ''`);
  if (f.statuses.length) c.push(sql`status IN (${Prisma.join(f.statuses)})`);
  if (f.orgs.length && f.orgRole !== "mentioned") {
    const column = Prisma.raw(f.orgRole === "source" ? `"sourceId"` : `"publisherId"`);
    c.push(sql`${column} IN (SELECT id FROM "Organization" WHERE slug IN (${Prisma.join(f.orgs)}))`);
  }
  if (themes === "first") c.push(FIRST_THEME);
  else if (f.themes.length) c.push(sql`"themeId" IN (SELECT id FROM "Theme" WHERE slug IN (${Prisma.join(f.themes)}))`);
  return c;
}

const and = (c: Prisma.Sql[]) => Prisma.join(c, " AND ");

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const pad = (n: number) => String(n).padStart(2, "0");
const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const monthEnd = (day: string) => `${day.slice(0, 8)}${pad(lastDayOfMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7))))}`;

/**
 * A date range split into whole months (for the rollup) and cut days (for the fact table).
 * An article is in the range when its whole date period is: a day inside it, a month or a
 * year wholly inside it; an unknown date never is.
 */
export function splitRange(from: string | undefined, to: string | undefined): { months: [number, number]; days: [string, string][] } {
  const cutFrom = from !== undefined && from !== monthStart(from);
  const cutTo = to !== undefined && to !== monthEnd(to);
  const first = from === undefined ? 0 : monthIndex(from) + (cutFrom ? 1 : 0);
  const last = to === undefined ? Number.MAX_SAFE_INTEGER : monthIndex(to) - (cutTo ? 1 : 0);
  const days: [string, string][] = [];
  if (cutFrom && cutTo && monthIndex(from) === monthIndex(to)) days.push([from, to]);
  else {
    if (cutFrom) days.push([from, monthEnd(from)]);
    if (cutTo) days.push([monthStart(to), to]);
  }
  return { months: [first, last], days };
}

function rollupRange(first: number, last: number): Prisma.Sql {
  return sql`((precision IN ('day', 'month') AND month BETWEEN ${first} AND ${last}) OR (precision = 'year' AND month >= ${first} AND month + 11 <= ${last}))`;
}

/**
 * The view's rows as a subquery with the columns themeId, month, precision, basis, status,
 * sourceId and the sums articles, words, tagged, passages, withTheme, tt, tw, ww; callers
 * group and sum it. `range: false` ignores from/to (the timeline's note on what it leaves off);
 * `bySource` keeps the source (otherwise 0 where the table has none).
 */
export function viewRows(f: Filters, opts: { themes: ThemeRows; range?: boolean; bySource?: boolean }): Prisma.Sql {
  const from = opts.range === false ? undefined : f.from;
  const to = opts.range === false ? undefined : f.to;
  const c = common(f, opts.themes);
  const mentioned = f.orgs.length > 0 && f.orgRole === "mentioned";
  const mentions = mentioned ? [mentionCondition(f)] : [];
  if (mentioned && f.orgs.length > 1) {
    // Several organizations mentioned: an article naming two must count once, so no sums.
    const facts = [...c, ...mentions];
    if (from) facts.push(sql`"dateStart" >= ${from}`);
    if (to) facts.push(sql`"dateEnd" <= ${to}`);
    return sql`(SELECT ${FACT_COLUMNS} FROM "ThemeFact" WHERE ${and(facts)})`;
  }
  // The smallest table that holds the view's keys, read in its key order where it can be: no
  // organization filter needs no source or publisher (MonthRollup), nor, over all dates, a
  // by-source chart any month (SourceRollup); a source needs no publisher (SourceMonthRollup,
  // keyed by source first); one organization mentioned needs a source only by source.
  const mentionedId = sql`"organizationId" = (SELECT id FROM "Organization" WHERE slug = ${f.orgs[0]})`;
  const [columns, rollup] = mentioned
    ? opts.bySource
      ? [ROLLUP_COLUMNS, sql`"MentionRollup" WHERE ${and([mentionedId, ...c])}`]
      : [MONTH_COLUMNS, sql`"MentionMonthRollup" WHERE ${and([mentionedId, ...c])}`]
    : f.orgs.length
      ? f.orgRole === "source"
        ? [ROLLUP_COLUMNS, sql`"SourceMonthRollup" WHERE ${and(c)}`]
        : [ROLLUP_COLUMNS, sql`"ThemeRollup" WHERE ${and(c)}`]
      : opts.bySource
        ? from || to
          ? [ROLLUP_COLUMNS, sql`"SourceMonthRollup" WHERE ${and(c)}`]
          : [SOURCE_COLUMNS, sql`"SourceRollup" WHERE ${and(c)}`]
        : [MONTH_COLUMNS, sql`"MonthRollup" WHERE ${and(c)}`];
  if (!from && !to) return sql`(SELECT ${columns} FROM ${rollup})`;
  const { months, days } = splitRange(from, to);
  const parts = [sql`SELECT ${columns} FROM ${rollup} AND ${rollupRange(...months)}`];
  for (const [lo, hi] of days) {
    parts.push(sql`SELECT ${FACT_COLUMNS} FROM "ThemeFact" WHERE ${and([...c, ...mentions, sql`precision = 'day'`, sql`"dateStart" BETWEEN ${lo} AND ${hi}`])}`);
  }
  return sql`(${Prisma.join(parts, " UNION ALL ")})`;
}

/** The view's articles that mention one of its organizations (fact table rows). */
function mentionCondition(f: Filters): Prisma.Sql {
  return sql`"articleId" IN (SELECT m."articleId" FROM "ArticleMention" m WHERE m."organizationId" IN (SELECT id FROM "Organization" WHERE slug IN (${Prisma.join(f.orgs)})))`;
}

/** Conditions on the fact table for a view's counted articles of inferred date (one theme's rows: one per article). */
function inferredConditions(f: Filters, counted: Prisma.Sql, placeable: Prisma.Sql): Prisma.Sql[] {
  const c = [...common(f, "first"), sql`basis = 'inferred'`, counted, placeable];
  if (f.orgs.length && f.orgRole === "mentioned") c.push(mentionCondition(f));
  if (f.from) c.push(sql`"dateStart" >= ${f.from}`);
  if (f.to) c.push(sql`"dateEnd" <= ${f.to}`);
  return c;
}

/**
 * The first articles (by date) of inferred date among the view's counted ones whose date
 * starts in a bucket: at most `named`, read from a partial index in (date, article) order (led
 * by the source or publisher for a view of those), so each bucket's read stops after about
 * `named` rows whatever the corpus. Built once per timeline; `bucket(start, end)` gives the
 * statement's values for one bucket (the SQL text stays the same, so it stays prepared).
 */
export function inferredInPeriod(f: Filters, counted: Prisma.Sql, placeable: Prisma.Sql, named: number): { query: Prisma.Sql; bucket: (start: string, end: string) => unknown[] } {
  const index = inferredIndex(f);
  // The bucket's bounds are the statement's last two values.
  const c = [...inferredConditions(f, counted, placeable), sql`"dateStart" BETWEEN ${""} AND ${""}`];
  const query = sql`SELECT a.slug AS slug, a.title AS title
    FROM (SELECT "articleId", "dateStart" FROM "ThemeFact" INDEXED BY ${Prisma.raw(`"${index}"`)} WHERE ${and(c)} ORDER BY "dateStart", "articleId" LIMIT ${Prisma.raw(String(Math.trunc(named)))}) x
    JOIN "Article" a ON a.id = x."articleId" ORDER BY x."dateStart", x."articleId"`;
  const fixed = query.values.slice(0, -2);
  return { query, bucket: (start, end) => [...fixed, start, end] };
}

/** The month (year * 12 + month - 1) of a fact's date, from the column the partial indexes hold (they lack `month`). */
const DATE_START_MONTH = sql`(CAST(substr("dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr("dateStart", 6, 2) AS INTEGER) - 1)`;

/** The partial index of inferred dates that serves a view: led by its source or publisher, when it has one. */
function inferredIndex(f: Filters): string {
  return f.orgs.length && f.orgRole === "source" ? "ThemeFact_inferred_source" : f.orgs.length && f.orgRole === "publisher" ? "ThemeFact_inferred_publisher" : "ThemeFact_inferred";
}

/**
 * Every one of the view's counted articles of inferred date (id and bucket, by date then id),
 * from the same partial index as inferredInPeriod, in one read: for a view that holds few
 * of them (one source, one coder's articles) this costs less than a statement per bucket,
 * and the timeline keeps each bucket's first few itself (the same ones, in the same order).
 */
export function inferredInView(f: Filters, counted: Prisma.Sql, placeable: Prisma.Sql, bucket: (month: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  return sql`SELECT "articleId" AS id, ${bucket(DATE_START_MONTH)} AS period FROM "ThemeFact" INDEXED BY ${Prisma.raw(`"${inferredIndex(f)}"`)}
    WHERE ${and(inferredConditions(f, counted, placeable))} ORDER BY "dateStart", "articleId"`;
}

/** Slug and title of the given articles (any order; the caller puts them in its own). */
export function articleNames(ids: readonly number[]): Prisma.Sql {
  return sql`SELECT id, slug, title FROM "Article" WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * The same for every bucket at once, for a view of organizations mentioned: a bucket's
 * articles of inferred date are few, and those that mention the organization fewer still, so
 * a read per bucket would test hundreds of articles for the mention one by one. Here the
 * view's inferred-date articles (the partial index) meet the organization's articles (the
 * mention index, read once) in one pass, and each bucket keeps its first `named` by date.
 * `bucket` numbers a month (year * 12 + month - 1) as the timeline numbers its periods.
 */
export function inferredByPeriod(f: Filters, counted: Prisma.Sql, placeable: Prisma.Sql, bucket: (month: Prisma.Sql) => Prisma.Sql, named: number): Prisma.Sql {
  const c = inferredConditions(f, counted, placeable);
  return sql`SELECT y.period AS period, a.slug AS slug, a.title AS title
    FROM (SELECT period, "articleId", "dateStart", ROW_NUMBER() OVER (PARTITION BY period ORDER BY "dateStart", "articleId") AS n
      FROM (SELECT ${bucket(DATE_START_MONTH)} AS period, "articleId", "dateStart" FROM "ThemeFact" INDEXED BY "ThemeFact_inferred" WHERE ${and(c)})) y
    JOIN "Article" a ON a.id = y."articleId" WHERE y.n <= ${named} ORDER BY y."dateStart", y."articleId"`;
}
