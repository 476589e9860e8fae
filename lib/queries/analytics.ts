import "server-only";
// Every chart number (timeline, by-source, summary) is a sum of the rollup table's sums
// (lib/queries/aggregates.ts), rolled up from months to the view's buckets in SQL, so it costs
// the same at any corpus size; nothing here loads passages to count them. The drill-down and
// the exports read articles with the article filter below (organizations by role, date range,
// coding status), which selects exactly the articles the rollup rows sum over.
import { Prisma } from "../../generated/prisma/client";
import { CONSENSUS, COUNTED_STATUSES } from "../coding/status";
import { metricInterval, type Interval } from "../measure/intervals";
import { metricValue, ZERO, type Totals } from "../measure/totals";
import type { Filters, Granularity } from "../filters/schema";
import { PLACEABLE, periodBounds, periodFromIndex, periodKey, periodLabel, periodRange } from "../measure/periods";
import { prisma } from "../db/client";
import { readAll } from "../db/read";
import { articleNames, inferredByPeriod, inferredInPeriod, inferredInView, viewRows } from "./aggregates";

const n = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));

/** WHERE conditions on `a` (Article) for the organization, date and coding-status filters. */
export function articleConditions(f: Filters): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.orgs.length > 0) {
    const slugs = Prisma.join(f.orgs);
    if (f.orgRole === "source") c.push(Prisma.sql`a."sourceId" IN (SELECT id FROM "Organization" WHERE slug IN (${slugs}))`);
    else if (f.orgRole === "publisher")
      c.push(Prisma.sql`a."publisherId" IN (SELECT id FROM "Organization" WHERE slug IN (${slugs}))`);
    else
      c.push(
        Prisma.sql`EXISTS (SELECT 1 FROM "ArticleMention" m JOIN "Organization" o ON o.id = m."organizationId" WHERE m."articleId" = a.id AND o.slug IN (${slugs}))`,
      );
  }
  // A date range keeps only articles whose whole date period lies inside it; an article of
  // unknown date cannot be shown to be inside, so a range leaves it out.
  if (f.from) c.push(Prisma.sql`a."dateStart" >= ${f.from}`);
  // dateStart <= dateEnd, so the second bound follows from the first; said aloud, it lets the
  // date index stop at `to` instead of reading every later article (the newest-first article
  // list of a 2020 quarter at 1M: 1.6 s, with it 0.4 ms).
  if (f.to) c.push(Prisma.sql`a."dateEnd" <= ${f.to}`, Prisma.sql`a."dateStart" <= ${f.to}`);
  if (f.statuses.length) c.push(Prisma.sql`${statusOf(f)} IN (${Prisma.join(f.statuses)})`);
  // One coder's coding: the articles that coder codes.
  if (coderOf(f) !== CONSENSUS) c.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleCoding" k WHERE k."articleId" = a.id AND k.coder = ${coderOf(f)})`);
  return c;
}

/** Whose coding the figures come from: the consensus unless `coder` names one. */
export const coderOf = (f: Filters): string => f.coder ?? CONSENSUS;

/** The coding status the figures go by: the article's (consensus) or the named coder's. */
function statusOf(f: Filters): Prisma.Sql {
  return coderOf(f) === CONSENSUS
    ? Prisma.sql`a."codingStatus"`
    : Prisma.sql`(SELECT k.status FROM "ArticleCoding" k WHERE k."articleId" = a.id AND k.coder = ${coderOf(f)})`;
}

/** Joins an article to the per-theme totals of the coding in view. */
const themeStats = (f: Filters) => Prisma.sql`JOIN "ArticleTheme" s ON s."articleId" = a.id AND s.coder = ${coderOf(f)}`;

/** The article is one that theme metrics count (coded or reviewed, unless `coding=all`). */
function counted(f: Filters): Prisma.Sql {
  return f.coding === "all" ? Prisma.sql`1 = 1` : Prisma.sql`${statusOf(f)} IN (${Prisma.join([...COUNTED_STATUSES])})`;
}

/** Conditions for every theme metric: the articles in view that are counted. */
export function metricConditions(f: Filters): Prisma.Sql[] {
  return [...articleConditions(f), counted(f)];
}

export const where = (conds: Prisma.Sql[]) => (conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty);

export function themeCondition(f: Filters): Prisma.Sql[] {
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

type DenominatorRow = { articles: bigint; words: bigint; ww: bigint; uncounted: bigint; inferred?: bigint | number };

export type ThemeRef = { slug: string; name: string; colour: string };

/** The view's themes in codebook order, from the catalog. */
function selectedThemes(f: Filters, { themes }: Catalog): ThemeRef[] {
  return f.themes.length ? themes.filter((t) => f.themes.includes(t.slug)) : themes;
}

/** One value of a chart: the sums it is made of, the value (null: nothing measured) and its 95% interval. */
export type Cell = Totals & { theme: string; value: number | null; ci: Interval | null };

/** An article whose date an editor inferred, named on the points it is part of. */
export type InferredDate = { slug: string; title: string };

export type TimelinePeriod = {
  period: string;
  label: string;
  start: string;
  end: string;
  /** counted (coded) articles and their words: the denominators */
  articles: number;
  words: number;
  /** articles of the period in view that the metrics leave out as not yet coded */
  uncoded: number;
  /** counted articles of the period whose date an editor inferred, and the first few of them by name */
  inferredCount: number;
  inferred: InferredDate[];
};

export type Timeline = {
  granularity: Granularity;
  metric: Filters["metric"];
  coding: Filters["coding"];
  themes: ThemeRef[];
  periods: (TimelinePeriod & { cells: Cell[] })[];
  /** Counted articles in view that are not placed on the timeline, by reason */
  leftOff: { unknownDate: number; tooCoarse: number; coarsePrecisions: string[] };
};

function cellOf(f: Filters, theme: string, totals: Totals): Cell {
  return { theme, ...totals, value: metricValue(f.metric, totals), ci: metricInterval(f.metric, totals) };
}

/** Sums of a group with no ArticleTheme rows for a theme: its articles, words and nothing tagged. */
const untagged = (d: { articles: number; words: number; wordsSq: number }): Totals => ({ ...ZERO, ...d });

const denominatorOf = (r: DenominatorRow | undefined) => ({ articles: n(r?.articles), words: n(r?.words), wordsSq: n(r?.ww), uncoded: n(r?.uncounted), inferred: n(r?.inferred) });

/** The bucket number of a rollup month (year * 12 + month - 1), as periodSql numbers buckets. */
function periodOfMonth(g: Granularity, month: Prisma.Sql = Prisma.sql`month`): Prisma.Sql {
  if (g === "year") return Prisma.sql`${month} / 12`;
  if (g === "quarter") return Prisma.sql`(${month} / 12) * 4 + (${month} % 12) / 3`;
  return month;
}

/** Conditions on the rollup relation's columns (lib/queries/aggregates.ts). */
const countedRow = (f: Filters) => (f.coding === "all" ? Prisma.sql`1 = 1` : Prisma.sql`status IN (${Prisma.join([...COUNTED_STATUSES])})`);
const placeableRow = (g: Granularity) => Prisma.sql`precision IN (${Prisma.join([...PLACEABLE[g]])})`;

/** Most articles of inferred date named on one point (the count is always whole). */
const INFERRED_NAMED = 10;

/**
 * A statement per bucket costs about as much as reading a dozen more rows in one pass
 * (measured at 1M articles: ~28 and ~2 us on the loaded machine), so a view whose buckets
 * hold fewer articles of inferred date than that on average reads them all at once.
 */
const INFERRED_ROWS_PER_READ = 12;

/** Per bucket (or per source): the articles left out as not yet coded, and the counted ones of inferred date. */
const asideSums = (f: Filters) => Prisma.sql`SUM(CASE WHEN ${countedRow(f)} THEN 0 ELSE articles END) AS uncounted,
  SUM(CASE WHEN ${countedRow(f)} AND basis = 'inferred' THEN articles ELSE 0 END) AS inferred`;
const ROW_TOTALS_SQL = Prisma.sql`SUM(articles) AS articles, SUM(words) AS words, SUM(tagged) AS tagged, SUM(passages) AS passages,
  SUM("withTheme") AS "withTheme", SUM(tt) AS tt, SUM(tw) AS tw, SUM(ww) AS ww`;
type AsideRow = { uncounted: bigint; inferred: bigint };

/**
 * How a timeline reads the names of its articles of inferred date (see getTimeline): "auto"
 * picks the cheaper way for the view; the others force one (the tests check both ways).
 */
export type NameReads = "auto" | "per-bucket" | "one-read";

/**
 * A timeline is two reads of the view's rows: the counted sums per bucket and theme (the
 * cells; every article has a row for every theme in each coding, which db:check verifies, so
 * any one theme's sums carry the bucket's articles and words), and one theme's rows for what
 * the cells leave aside: per bucket the articles not yet coded and the counted ones of
 * inferred date, and the counted articles of a precision the granularity cannot place.
 */
export async function getTimeline(f: Filters, opts: { names?: NameReads } = {}): Promise<Timeline> {
  // One look at the catalog's version per chart, not one per thing taken from it.
  const { catalog, slugOf } = await cachedCatalog();
  const themes = selectedThemes(f, catalog);
  const g = f.granularity;
  const placeable = placeableRow(g);
  const rows = readAll<TotalsRow & { period: bigint | number; themeId: bigint | number }>(Prisma.sql`
    SELECT ${periodOfMonth(g)} AS period, "themeId", ${ROW_TOTALS_SQL}
    FROM ${viewRows(f, { themes: "selected" })}
    WHERE ${countedRow(f)} AND ${placeable}
    GROUP BY period, "themeId"`);
  const aside = readAll<AsideRow & { period: bigint | number | null; coarse: string | null; counted: bigint }>(Prisma.sql`
    SELECT CASE WHEN ${placeable} THEN ${periodOfMonth(g)} END AS period, CASE WHEN ${placeable} THEN NULL ELSE precision END AS coarse,
      ${asideSums(f)}, SUM(CASE WHEN ${countedRow(f)} THEN articles ELSE 0 END) AS counted
    FROM ${viewRows(f, { themes: "first" })}
    GROUP BY period, coarse`);
  const key = (p: bigint | number) => periodFromIndex(Number(p), g);
  const byCell = new Map(rows.map((r) => [`${key(r.period)}|${slugOf.get(Number(r.themeId))}`, totalsOf(r)]));
  const oneTheme = themes[0]?.slug;
  const counted = new Map(rows.filter((r) => slugOf.get(Number(r.themeId)) === oneTheme).map((r) => [key(r.period), r]));
  const byBucket = new Map<string, ReturnType<typeof denominatorOf>>();
  // Counted articles not placed on this timeline, per precision (of the range, when there is one).
  const coarse = new Map<string, number>();
  for (const r of aside) {
    if (r.period === null) {
      if (r.coarse !== null) coarse.set(r.coarse, n(r.counted));
      continue;
    }
    const period = key(r.period);
    const c = counted.get(period);
    byBucket.set(period, denominatorOf({ articles: c?.articles ?? 0n, words: c?.words ?? 0n, ww: c?.ww ?? 0n, uncounted: r.uncounted, inferred: r.inferred }));
  }
  const found = [...byBucket.keys()].sort();
  const first = f.from ? periodKey(f.from, g) : found[0];
  const last = f.to ? periodKey(f.to, g) : found[found.length - 1];
  const keys = first && last ? periodRange(first, last, g) : [];
  // The named articles of inferred date: a read per bucket that has some (the first few by date
  // from the partial index); or one read for all, for organizations mentioned (inferredByPeriod)
  // and for a view with few such articles (inferredInView: every one of them, each bucket keeping
  // its first few, then their names in one more read).
  const named = new Map<string, InferredDate[]>();
  let inferredTotal = 0;
  let inferredBuckets = 0;
  for (const b of byBucket.values()) {
    if (b.inferred === 0) continue;
    inferredTotal += b.inferred;
    inferredBuckets++;
  }
  const mentioned = f.orgRole === "mentioned" && f.orgs.length > 0;
  const names = opts.names ?? "auto";
  const oneRead = names === "auto" ? inferredTotal <= INFERRED_ROWS_PER_READ * inferredBuckets : names === "one-read";
  const nameAll = inferredBuckets > 0 && (mentioned || oneRead);
  if (nameAll && mentioned)
    for (const r of readAll<InferredDate & { period: bigint | number }>(inferredByPeriod(f, countedRow(f), placeable, (m) => periodOfMonth(g, m), INFERRED_NAMED))) {
      const p = key(r.period);
      named.set(p, [...(named.get(p) ?? []), { slug: r.slug, title: r.title }]);
    }
  else if (nameAll) {
    const picked = new Map<string, number[]>();
    for (const r of readAll<{ id: bigint | number; period: bigint | number }>(inferredInView(f, countedRow(f), placeable, (m) => periodOfMonth(g, m)))) {
      const p = key(r.period);
      let ids = picked.get(p);
      if (!ids) picked.set(p, (ids = []));
      if (ids.length < INFERRED_NAMED) ids.push(Number(r.id));
    }
    const ids = [...picked.values()].flat().sort((a, b) => a - b);
    const byId = new Map(ids.length ? readAll<InferredDate & { id: bigint | number }>(articleNames(ids)).map((r) => [Number(r.id), { slug: r.slug, title: r.title }]) : []);
    for (const [p, list] of picked) named.set(p, list.flatMap((id) => byId.get(id) ?? []));
  }
  const perBucket = inferredInPeriod(f, countedRow(f), placeable, INFERRED_NAMED);
  const periods = keys.map((period) => {
    const { uncoded, inferred: inferredCount, ...denom } = byBucket.get(period) ?? denominatorOf(undefined);
    const bounds = periodBounds(period, g);
    return {
      period,
      label: periodLabel(period, g),
      ...bounds,
      articles: denom.articles,
      words: denom.words,
      uncoded,
      inferred: !inferredCount
        ? []
        : nameAll
          ? (named.get(period) ?? [])
          : readAll<InferredDate>(perBucket.query, perBucket.bucket(bounds.start, bounds.end)),
      inferredCount,
      cells: themes.map((t) => cellOf(f, t.slug, byCell.get(`${period}|${t.slug}`) ?? untagged(denom))),
    };
  });

  // Without a date range the rows above are all the view's; with one, the counts by precision
  // over all dates take one more (small) read.
  const left =
    f.from || f.to
      ? new Map(
          readAll<{ precision: string; count: bigint }>(Prisma.sql`
            SELECT precision, SUM(articles) AS count FROM ${viewRows(f, { themes: "first", range: false })}
            WHERE ${countedRow(f)} AND NOT ${placeable} GROUP BY precision`).map((r) => [r.precision, n(r.count)]),
        )
      : coarse;
  return {
    granularity: g,
    metric: f.metric,
    coding: f.coding,
    themes,
    periods,
    leftOff: {
      unknownDate: left.get("unknown") ?? 0,
      tooCoarse: [...coarse].reduce((sum, [precision, count]) => sum + (precision === "unknown" ? 0 : count), 0),
      coarsePrecisions: [...left].filter(([precision, count]) => precision !== "unknown" && count > 0).map(([precision]) => precision),
    },
  };
}

export type SourceRow = { source: string; name: string; articles: number; words: number; uncoded: number; inferred: number; cells: Cell[] };

export type BySource = { metric: Filters["metric"]; coding: Filters["coding"]; themes: ThemeRef[]; sources: SourceRow[] };

export async function getBySource(f: Filters): Promise<BySource> {
  const { catalog, slugOf, orgOf } = await cachedCatalog();
  const themes = selectedThemes(f, catalog);
  const rows = readAll<TotalsRow & { sourceId: bigint | number; themeId: bigint | number }>(Prisma.sql`
    SELECT "sourceId", "themeId", ${ROW_TOTALS_SQL}
    FROM ${viewRows(f, { themes: "selected", bySource: true })} WHERE ${countedRow(f)}
    GROUP BY "sourceId", "themeId"`);
  // Every source with an article in view gets a row, so one whose articles are all uncoded
  // shows as "no coded articles" rather than vanishing or reading as zero.
  const sources = readAll<AsideRow & { sourceId: bigint | number }>(Prisma.sql`
    SELECT "sourceId", ${asideSums(f)} FROM ${viewRows(f, { themes: "first", bySource: true })} GROUP BY "sourceId"`);
  const byCell = new Map(rows.map((r) => [`${Number(r.sourceId)}|${slugOf.get(Number(r.themeId))}`, totalsOf(r)]));
  const oneTheme = themes[0]?.slug;
  const counted = new Map(rows.filter((r) => slugOf.get(Number(r.themeId)) === oneTheme).map((r) => [Number(r.sourceId), r]));
  const out = sources.map((s) => {
    const id = Number(s.sourceId);
    const c = counted.get(id);
    const { uncoded, inferred, ...denom } = denominatorOf({ articles: c?.articles ?? 0n, words: c?.words ?? 0n, ww: c?.ww ?? 0n, uncounted: s.uncounted, inferred: s.inferred });
    const org = orgOf.get(id) ?? { slug: `organization-${id}`, name: `Organization ${id}` };
    return {
      source: org.slug,
      name: org.name,
      articles: denom.articles,
      words: denom.words,
      uncoded,
      inferred,
      cells: themes.map((t) => cellOf(f, t.slug, byCell.get(`${id}|${t.slug}`) ?? untagged(denom))),
    };
  });
  out.sort((a, b) => b.articles - a.articles || b.uncoded - a.uncoded || a.name.localeCompare(b.name));
  return { metric: f.metric, coding: f.coding, themes, sources: out };
}

export type Summary = {
  /** counted articles in view, their words and their passages (of the chosen themes) */
  articles: number;
  words: number;
  passages: number;
  dated: number;
  /** every article in view, whatever its coding status */
  inView: number;
  /** articles in view whose coding is not done (uncoded or in progress) */
  notCoded: number;
  coding: Filters["coding"];
};

export async function getSummary(f: Filters): Promise<Summary> {
  const done = Prisma.sql`status IN (${Prisma.join([...COUNTED_STATUSES])})`;
  const [a] = readAll<{ inView: bigint; articles: bigint; words: bigint; dated: bigint; notCoded: bigint }>(Prisma.sql`
    SELECT SUM(articles) AS "inView",
      SUM(CASE WHEN ${countedRow(f)} THEN articles ELSE 0 END) AS articles,
      SUM(CASE WHEN ${countedRow(f)} THEN words ELSE 0 END) AS words,
      SUM(CASE WHEN ${countedRow(f)} AND precision != 'unknown' THEN articles ELSE 0 END) AS dated,
      SUM(CASE WHEN ${done} THEN 0 ELSE articles END) AS "notCoded"
    FROM ${viewRows(f, { themes: "first" })}`);
  const [p] = readAll<{ passages: bigint }>(Prisma.sql`
    SELECT SUM(passages) AS passages FROM ${viewRows(f, { themes: "selected" })} WHERE ${countedRow(f)}`);
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

/** What a drill-down asks for: the passages behind one point or bar. */
export type Drill =
  | { kind: "period"; period: string; theme: string }
  | { kind: "source"; source: string; theme: string };

export type PassageRow = {
  id: number;
  articleSlug: string;
  articleTitle: string;
  dateStart: string | null;
  datePrecision: string;
  dateBasis: string | null;
  source: string;
  sourceName: string;
  publisher: string | null;
  theme: string;
  quote: string;
  start: number;
  end: number;
  annotator: string;
};

/** The passages of the view (p, a, t, o), narrowed to one point or bar by a drill-down: the panel's and passages.csv's. */
export function passageConditions(f: Filters, drill?: Drill): Prisma.Sql[] {
  const conds = [...metricConditions(f), ...themeCondition(f), Prisma.sql`p.coder = ${coderOf(f)}`];
  if (drill) {
    conds.push(Prisma.sql`t.slug = ${drill.theme}`);
    if (drill.kind === "period") {
      const { start, end } = periodBounds(drill.period, f.granularity);
      conds.push(placeable(f.granularity), Prisma.sql`a."dateStart" >= ${start}`, Prisma.sql`a."dateEnd" <= ${end}`);
    } else {
      conds.push(Prisma.sql`o.slug = ${drill.source}`);
    }
  }
  return conds;
}

/** Passages of the articles in view (optionally narrowed by a drill-down), in reading order. */
export async function getPassages(
  f: Filters,
  drill?: Drill,
  limit?: number,
): Promise<{ total: number; passages: PassageRow[] }> {
  const conds = passageConditions(f, drill);
  const from = Prisma.sql`FROM "Annotation" p
    JOIN "Article" a ON a.id = p."articleId"
    JOIN "Theme" t ON t.id = p."themeId"
    JOIN "Organization" o ON o.id = a."sourceId"
    LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
    ${where(conds)}`;
  const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total ${from}`;
  const rows = await prisma.$queryRaw<PassageRow[]>`
    SELECT p.id AS id, a.slug AS "articleSlug", a.title AS "articleTitle", a."dateStart" AS "dateStart",
      a."datePrecision" AS "datePrecision", a."dateBasis" AS "dateBasis", o.slug AS source, o.name AS "sourceName", pub.slug AS publisher,
      t.slug AS theme, p.quote AS quote, p.start AS start, p."end" AS "end", p.annotator AS annotator
    ${from}
    ORDER BY a."dateStart" IS NULL, a."dateStart", a.slug, p.start, t."order"
    ${limit ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  return { total: n(count?.total), passages: rows.map((r) => ({ ...r, id: n(r.id), start: n(r.start), end: n(r.end) })) };
}

export type ArticleThemeRow = {
  articleSlug: string;
  dateStart: string | null;
  datePrecision: string;
  dateBasis: string | null;
  codingStatus: string;
  source: string;
  publisher: string | null;
  words: number;
  theme: string;
  taggedWords: number;
  passages: number;
};

/**
 * The base every chart number is summed from: one row per article in view x selected theme,
 * in article order, a batch of articles at a time, so an export of 100,000 articles streams
 * in steady memory instead of building one huge array.
 */
export async function* iterateArticleThemeRows(f: Filters, batch = 10_000): AsyncGenerator<ArticleThemeRow[]> {
  const conds = metricConditions(f);
  for (let last = 0; ; ) {
    // The id of the batch-th article in view after `last` bounds this batch.
    const ids = await prisma.$queryRaw<{ id: bigint; count: bigint }[]>`
      SELECT MAX(id) AS id, COUNT(*) AS count FROM (
        SELECT a.id AS id FROM "Article" a ${where([...conds, Prisma.sql`a.id > ${last}`])} ORDER BY a.id LIMIT ${batch})`;
    const count = n(ids[0]?.count);
    if (count === 0) return;
    const first = last;
    last = n(ids[0].id);
    const rows = await prisma.$queryRaw<ArticleThemeRow[]>`
      SELECT a.slug AS "articleSlug", a."dateStart" AS "dateStart", a."datePrecision" AS "datePrecision",
        a."dateBasis" AS "dateBasis", a."codingStatus" AS "codingStatus", o.slug AS source, pub.slug AS publisher, a."wordCount" AS words, t.slug AS theme,
        s."taggedWords" AS "taggedWords", s.passages AS passages
      FROM "Article" a
      ${themeStats(f)}
      JOIN "Theme" t ON t.id = s."themeId"
      JOIN "Organization" o ON o.id = a."sourceId"
      LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
      ${where([...conds, Prisma.sql`a.id > ${first}`, Prisma.sql`a.id <= ${last}`, ...themeCondition(f)])}
      ORDER BY a.id, t."order"`;
    yield rows.map((r) => ({ ...r, words: n(r.words), taggedWords: n(r.taggedWords), passages: n(r.passages) }));
    if (count < batch) return;
  }
}

export async function getArticleThemeRows(f: Filters): Promise<ArticleThemeRow[]> {
  const out: ArticleThemeRow[] = [];
  for await (const rows of iterateArticleThemeRows(f)) out.push(...rows);
  return out;
}

/**
 * One page of the articles in view (every coding status; `status` narrows), newest first
 * (unknown dates last: SQLite sorts NULL below every date, so last when descending, which lets
 * the date index give the order without sorting the corpus), and how many there are: from the
 * rollups (one theme's rows count each article of the view once), not a count of the articles.
 */
export async function getArticleIdsInView(f: Filters, page: { offset: number; limit: number }): Promise<{ total: number; ids: number[] }> {
  const conds = where(articleConditions(f));
  const [count] = readAll<{ total: bigint | null }>(Prisma.sql`SELECT SUM(articles) AS total FROM ${viewRows(f, { themes: "first" })}`);
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT a.id AS id FROM "Article" a ${conds}
    ORDER BY a."dateStart" DESC, a.slug LIMIT ${page.limit} OFFSET ${page.offset}`;
  return { total: n(count?.total), ids: rows.map((r) => n(r.id)) };
}

export type Catalog = {
  themes: ThemeRef[];
  organizations: { slug: string; name: string; kind: string; source: number; publisher: number; mentioned: number }[];
  codebookVersion: string;
  /** every coder with a coding of some article */
  coders: string[];
};

type CachedCatalog = { catalog: Catalog; slugOf: Map<number, string>; orgOf: Map<number, { slug: string; name: string }> };
let cached: { version: number; data: Promise<CachedCatalog> } | undefined;

/**
 * What the filter controls offer, and what parameters are checked against. Kept in memory:
 * each call reads one number ("CatalogVersion", moved by triggers whenever articles,
 * organizations, mentions, themes, coders or the codebook change, from any process) and
 * recounts only when it moved.
 */
export async function getCatalog(): Promise<Catalog> {
  return (await cachedCatalog()).catalog;
}

async function cachedCatalog(): Promise<CachedCatalog> {
  const [row] = readAll<{ n: number }>(Prisma.sql`SELECT n FROM "CatalogVersion" WHERE id = 1`);
  const version = n(row?.n);
  if (cached?.version !== version) {
    const data = loadCatalog();
    cached = { version, data };
    // A failed load is not kept.
    data.catch(() => {
      if (cached?.data === data) cached = undefined;
    });
  }
  return cached.data;
}

async function loadCatalog(): Promise<CachedCatalog> {
  const [themeRows, orgs, codebook] = await Promise.all([
    prisma.theme.findMany({ orderBy: { order: "asc" }, select: { id: true, slug: true, name: true, colour: true } }),
    prisma.$queryRaw<{ id: bigint | number; slug: string; name: string; kind: string; source: bigint; publisher: bigint; mentioned: bigint }[]>`
      SELECT o.id, o.slug, o.name, o.kind,
        (SELECT COUNT(*) FROM "Article" a WHERE a."sourceId" = o.id) AS source,
        (SELECT COUNT(*) FROM "Article" a WHERE a."publisherId" = o.id) AS publisher,
        (SELECT COUNT(*) FROM "ArticleMention" m WHERE m."organizationId" = o.id) AS mentioned
      FROM "Organization" o ORDER BY o.name`,
    prisma.codebook.findUnique({ where: { id: 1 } }),
  ]);
  const coders = (await prisma.articleCoding.findMany({ select: { coder: true }, distinct: ["coder"], orderBy: { coder: "asc" } })).map((c) => c.coder);
  const catalog = {
    themes: themeRows.map(({ slug, name, colour }) => ({ slug, name, colour })),
    organizations: orgs.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, source: n(o.source), publisher: n(o.publisher), mentioned: n(o.mentioned) })),
    codebookVersion: codebook?.version ?? "none",
    coders,
  };
  return { catalog, slugOf: new Map(themeRows.map((t) => [t.id, t.slug])), orgOf: new Map(orgs.map((o) => [n(o.id), { slug: o.slug, name: o.name }])) };
}
