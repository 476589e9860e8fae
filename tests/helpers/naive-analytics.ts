// The chart queries as they were before the rollup tables (issue 11): every number a GROUP BY
// over the article x per-theme-total join. Slow at scale, and long tested against hand
// computation and an independent Python computation: the reference the rollup-backed
// queries in lib/queries/analytics.ts are compared with after random writes.
import { Prisma } from "@/generated/prisma/client";
import { COUNTED_STATUSES } from "@/lib/coding/status";
import { metricInterval } from "@/lib/measure/intervals";
import { metricValue, ZERO, type Totals } from "@/lib/measure/totals";
import type { Filters, Granularity } from "@/lib/filters/schema";
import { PLACEABLE, periodBounds, periodFromIndex, periodKey, periodLabel, periodRange, periodSql } from "@/lib/measure/periods";
import { articleConditions, coderOf, metricConditions, type BySource, type Cell, type InferredDate, type Summary, type ThemeRef, type Timeline } from "@/lib/queries/analytics";
import { prisma } from "@/lib/db/client";

const n = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));

function statusOf(f: Filters): Prisma.Sql {
  return coderOf(f) === "consensus"
    ? Prisma.sql`a."codingStatus"`
    : Prisma.sql`(SELECT k.status FROM "ArticleCoding" k WHERE k."articleId" = a.id AND k.coder = ${coderOf(f)})`;
}
const themeStats = (f: Filters) => Prisma.sql`JOIN "ArticleTheme" s ON s."articleId" = a.id AND s.coder = ${coderOf(f)}`;
function counted(f: Filters): Prisma.Sql {
  return f.coding === "all" ? Prisma.sql`1 = 1` : Prisma.sql`${statusOf(f)} IN (${Prisma.join([...COUNTED_STATUSES])})`;
}

const where = (conds: Prisma.Sql[]) => (conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty);

function themeCondition(f: Filters): Prisma.Sql[] {
  return f.themes.length ? [Prisma.sql`t.slug IN (${Prisma.join(f.themes)})`] : [];
}

function placeable(g: Granularity): Prisma.Sql {
  return Prisma.sql`a."datePrecision" IN (${Prisma.join([...PLACEABLE[g]])})`;
}

type TotalsRow = { articles: bigint; words: bigint; tagged: bigint; passages: bigint; withTheme: bigint; tt: bigint; tw: bigint; ww: bigint };
const totalsOf = (r: TotalsRow): Totals => ({
  articles: n(r.articles),
  words: n(r.words),
  taggedWords: n(r.tagged),
  passages: n(r.passages),
  articlesWithTheme: n(r.withTheme),
  taggedSq: n(r.tt),
  taggedWordsCross: n(r.tw),
  wordsSq: n(r.ww),
});

const TOTALS_SQL = Prisma.sql`COUNT(*) AS articles, SUM(a."wordCount") AS words, SUM(s."taggedWords") AS tagged,
  SUM(s.passages) AS passages, SUM(CASE WHEN s.passages > 0 THEN 1 ELSE 0 END) AS "withTheme",
  SUM(s."taggedWords" * s."taggedWords") AS tt, SUM(s."taggedWords" * a."wordCount") AS tw, SUM(a."wordCount" * a."wordCount") AS ww`;

/** Per group: counted articles with their words (and words²), and the articles in view that are not counted. */
const DENOMINATOR_SQL = (f: Filters) => Prisma.sql`SUM(CASE WHEN ${counted(f)} THEN 1 ELSE 0 END) AS articles,
  SUM(CASE WHEN ${counted(f)} THEN a."wordCount" ELSE 0 END) AS words,
  SUM(CASE WHEN ${counted(f)} THEN a."wordCount" * a."wordCount" ELSE 0 END) AS ww,
  SUM(CASE WHEN ${counted(f)} THEN 0 ELSE 1 END) AS uncounted`;
type DenominatorRow = { articles: bigint; words: bigint; ww: bigint; uncounted: bigint };


async function selectedThemes(f: Filters): Promise<ThemeRef[]> {
  const rows = await prisma.theme.findMany({
    where: f.themes.length ? { slug: { in: f.themes } } : undefined,
    orderBy: { order: "asc" },
    select: { slug: true, name: true, colour: true },
  });
  return rows;
}

/** One value of a chart: the sums it is made of, the value (null: nothing measured) and its 95% interval. */





function cellOf(f: Filters, theme: string, totals: Totals): Cell {
  return { theme, ...totals, value: metricValue(f.metric, totals), ci: metricInterval(f.metric, totals) };
}

/** Sums of a group with no ArticleTheme rows for a theme: its articles, words and nothing tagged. */
const untagged = (d: { articles: number; words: number; wordsSq: number }): Totals => ({ ...ZERO, ...d });

const denominatorOf = (r: DenominatorRow | undefined) => ({ articles: n(r?.articles), words: n(r?.words), wordsSq: n(r?.ww), uncoded: n(r?.uncounted) });

export async function naiveTimeline(f: Filters): Promise<Timeline> {
  const themes = await selectedThemes(f);
  const g = f.granularity;
  const bucket = Prisma.raw(periodSql(`a."dateStart"`, g));
  const inView = [...articleConditions(f), placeable(g)];
  const rows = await prisma.$queryRaw<(TotalsRow & { period: bigint | number; theme: string })[]>`
    SELECT ${bucket} AS period, t.slug AS theme, ${TOTALS_SQL}
    FROM "Article" a
    ${themeStats(f)}
    JOIN "Theme" t ON t.id = s."themeId"
    ${where([...inView, counted(f), ...themeCondition(f)])}
    GROUP BY period, t.id`;
  // Per bucket, independent of the theme selection: the denominators, and the articles left out as uncoded.
  const buckets = await prisma.$queryRaw<(DenominatorRow & { period: bigint | number })[]>`
    SELECT ${bucket} AS period, ${DENOMINATOR_SQL(f)}
    FROM "Article" a ${where(inView)} GROUP BY period`;
  const inferred = await prisma.$queryRaw<{ period: bigint | number; slug: string; title: string }[]>`
    SELECT ${bucket} AS period, a.slug AS slug, a.title AS title FROM "Article" a
    ${where([...inView, counted(f), Prisma.sql`a."dateBasis" = 'inferred'`])}
    ORDER BY a."dateStart", a.id`;

  const key = (p: bigint | number) => periodFromIndex(Number(p), g);
  const found = buckets.map((b) => key(b.period)).sort();
  const first = f.from ? periodKey(f.from, g) : found[0];
  const last = f.to ? periodKey(f.to, g) : found[found.length - 1];
  const keys = first && last ? periodRange(first, last, g) : [];
  const byBucket = new Map(buckets.map((b) => [key(b.period), denominatorOf(b)]));
  const byCell = new Map(rows.map((r) => [`${key(r.period)}|${r.theme}`, totalsOf(r)]));
  const inferredBy = new Map<string, InferredDate[]>();
  for (const r of inferred) {
    const k = key(r.period);
    inferredBy.set(k, [...(inferredBy.get(k) ?? []), { slug: r.slug, title: r.title }]);
  }

  const periods = keys.map((period) => {
    const { uncoded, ...denom } = byBucket.get(period) ?? denominatorOf(undefined);
    return {
      period,
      label: periodLabel(period, g),
      ...periodBounds(period, g),
      articles: denom.articles,
      words: denom.words,
      uncoded,
      // The count is whole; at most 10 are named (the app's INFERRED_NAMED), the earliest.
      inferredCount: (inferredBy.get(period) ?? []).length,
      inferred: (inferredBy.get(period) ?? []).slice(0, 10),
      cells: themes.map((t) => cellOf(f, t.slug, byCell.get(`${period}|${t.slug}`) ?? untagged(denom))),
    };
  });

  const left = await prisma.$queryRaw<{ precision: string; count: bigint }[]>`
    SELECT a."datePrecision" AS precision, COUNT(*) AS count FROM "Article" a
    ${where([...metricConditions({ ...f, from: undefined, to: undefined }), Prisma.sql`NOT ${placeable(g)}`])}
    GROUP BY a."datePrecision"`;
  // With a date range, coarse dates count as left off only if their period is inside the range.
  const coarseInRange = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT COUNT(*) AS count FROM "Article" a
    ${where([...metricConditions(f), Prisma.sql`NOT ${placeable(g)}`, Prisma.sql`a."datePrecision" != 'unknown'`])}`;
  const unknownDate = n(left.find((r) => r.precision === "unknown")?.count);
  return {
    granularity: g,
    metric: f.metric,
    coding: f.coding,
    themes,
    periods,
    leftOff: {
      unknownDate,
      tooCoarse: n(coarseInRange[0]?.count),
      coarsePrecisions: left.filter((r) => r.precision !== "unknown").map((r) => r.precision),
    },
  };
}



export async function naiveBySource(f: Filters): Promise<BySource> {
  const themes = await selectedThemes(f);
  const conds = articleConditions(f);
  const rows = await prisma.$queryRaw<(TotalsRow & { source: string; theme: string })[]>`
    SELECT o.slug AS source, t.slug AS theme, ${TOTALS_SQL}
    FROM "Article" a
    JOIN "Organization" o ON o.id = a."sourceId"
    ${themeStats(f)}
    JOIN "Theme" t ON t.id = s."themeId"
    ${where([...conds, counted(f), ...themeCondition(f)])}
    GROUP BY o.id, t.id`;
  // Every source with an article in view gets a row, so one whose articles are all uncoded
  // shows as "no coded articles" rather than vanishing or reading as zero.
  const sources = await prisma.$queryRaw<(DenominatorRow & { source: string; name: string; inferred: bigint })[]>`
    SELECT o.slug AS source, o.name AS name, ${DENOMINATOR_SQL(f)},
      SUM(CASE WHEN ${counted(f)} AND a."dateBasis" = 'inferred' THEN 1 ELSE 0 END) AS inferred
    FROM "Article" a JOIN "Organization" o ON o.id = a."sourceId"
    ${where(conds)} GROUP BY o.id`;
  const byCell = new Map(rows.map((r) => [`${r.source}|${r.theme}`, totalsOf(r)]));
  const out = sources.map((s) => {
    const { uncoded, ...denom } = denominatorOf(s);
    return {
      source: s.source,
      name: s.name,
      articles: denom.articles,
      words: denom.words,
      uncoded,
      inferred: n(s.inferred),
      cells: themes.map((t) => cellOf(f, t.slug, byCell.get(`${s.source}|${t.slug}`) ?? untagged(denom))),
    };
  });
  out.sort((a, b) => b.articles - a.articles || b.uncoded - a.uncoded || a.name.localeCompare(b.name));
  return { metric: f.metric, coding: f.coding, themes, sources: out };
}


export async function naiveSummary(f: Filters): Promise<Summary> {
  const conds = articleConditions(f);
  const [a] = await prisma.$queryRaw<{ inView: bigint; articles: bigint; words: bigint; dated: bigint; notCoded: bigint }[]>`
    SELECT COUNT(*) AS "inView",
      SUM(CASE WHEN ${counted(f)} THEN 1 ELSE 0 END) AS articles,
      SUM(CASE WHEN ${counted(f)} THEN a."wordCount" ELSE 0 END) AS words,
      SUM(CASE WHEN ${counted(f)} AND a."datePrecision" != 'unknown' THEN 1 ELSE 0 END) AS dated,
      SUM(CASE WHEN ${statusOf(f)} IN (${Prisma.join([...COUNTED_STATUSES])}) THEN 0 ELSE 1 END) AS "notCoded"
    FROM "Article" a ${where(conds)}`;
  const [p] = await prisma.$queryRaw<{ passages: bigint }[]>`
    SELECT SUM(s.passages) AS passages FROM "Article" a
    ${themeStats(f)} JOIN "Theme" t ON t.id = s."themeId"
    ${where([...conds, counted(f), ...themeCondition(f)])}`;
  return {
    articles: n(a?.articles),
    words: n(a?.words),
    passages: n(p?.passages),
    dated: n(a?.dated),
    inView: n(a?.inView),
    notCoded: n(a?.notCoded),
    coding: f.coding,
  };
}

