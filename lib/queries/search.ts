import "server-only";
// Full-text search over article bodies (FTS5 tables of migration 20261201130000_search),
// under the dashboard's filters: only the counted articles in view are searched, so a
// formulation's hit counts sit on the same articles (and denominators) as the theme charts.
// Each hit comes back as keyword in context with the themes of the passages it falls in.
import { Prisma } from "../../generated/prisma/client";
import type { Filters } from "../filters/schema";
import { PLACEABLE, periodKey } from "../measure/periods";
import { coderOf, metricConditions, getBySource, getTimeline } from "./analytics";
import { prisma } from "../db/client";
import { CONTEXT_CHARS, hitsFromMarked, searchIndexFor, type SearchIndex } from "../search/query";

import { checkSearchQuery } from "../search/query";
import type { ParamIssue } from "../filters/schema";
import { yieldToLoop } from "../db/yield";

export { searchIndexFor, type SearchIndex } from "../search/query";

const n = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));

const TABLES: Record<SearchIndex, Prisma.Sql> = {
  words: Prisma.raw(`"ArticleSearch"`),
  trigram: Prisma.raw(`"ArticleSearchTrigram"`),
};

export type SearchHit = {
  articleSlug: string;
  articleTitle: string;
  dateStart: string | null;
  datePrecision: string;
  dateBasis: string | null;
  source: string;
  sourceName: string;
  codingStatus: string;
  /** UTF-16 offsets into the article body, as passages use */
  start: number;
  end: number;
  match: string;
  left: string;
  right: string;
  /** themes (slugs, codebook order) of the passages the hit overlaps; empty: untagged */
  themes: string[];
};

type ArticleRow = {
  id: bigint | number;
  slug: string;
  title: string;
  dateStart: string | null;
  datePrecision: string;
  dateBasis: string | null;
  source: string;
  sourceName: string;
  codingStatus: string;
};

/**
 * The syntax check: FTS5 itself parses the query against an index. A malformed query
 * ("AND (", an unknown column, an unbalanced quote) is an SQLite error here, which becomes a
 * readable message for a 400, never a 500.
 */
export async function probeSearchQuery(q: string): Promise<string | null> {
  const table = TABLES[searchIndexFor(q)];
  try {
    await prisma.$queryRaw`SELECT rowid FROM ${table} WHERE ${table} MATCH ${q} LIMIT 1`;
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const fts = /fts5: ([^`\n]*)|(unterminated string)|(no such column: [^`\n]*)|(unknown special query[^`\n]*)/i.exec(message);
    if (!fts) throw e;
    return `not a valid search query (${(fts[1] ?? fts[2] ?? fts[3] ?? fts[4]).trim()}); use words, "quoted phrases", prefix*, AND, OR, NOT and parentheses`;
  }
}

/** The `q` values of a request, checked by hand and then parsed by FTS5 itself. */
export async function resolveSearchQuery(values: readonly string[]): Promise<{ ok: true; q: string } | { ok: false; issue: ParamIssue }> {
  const checked = checkSearchQuery(values);
  if (!checked.ok) return checked;
  const problem = await probeSearchQuery(checked.q);
  return problem ? { ok: false, issue: { parameter: "q", message: problem } } : checked;
}

/** Ids of the counted articles in view whose body matches, in reading order (by date, then slug). */
async function matchingArticles(f: Filters, q: string): Promise<number[]> {
  const table = TABLES[searchIndexFor(q)];
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT a.id AS id FROM ${table} JOIN "Article" a ON a.id = ${table}.rowid
    WHERE ${table} MATCH ${q} AND ${Prisma.join(metricConditions(f), " AND ")}
    ORDER BY a."dateStart" IS NULL, a."dateStart", a.slug`;
  return rows.map((r) => n(r.id));
}

const START = "\u0002";
const END = "\u0003";

/**
 * Every hit of the query in the counted articles in view, a batch of articles at a time, in
 * reading order. FTS5's highlight() marks each phrase instance it matched (stemmed forms
 * included); the marks are turned into offsets, so a hit is exactly what the index matched.
 */
export async function* iterateSearchHits(f: Filters, q: string, batch = 200): AsyncGenerator<SearchHit[]> {
  const table = TABLES[searchIndexFor(q)];
  const ids = await matchingArticles(f, q);
  for (let i = 0; i < ids.length; i += batch) {
    // Other requests go first between batches: the adapter's queries hold the event loop, and a
    // common word can match a tenth of a million-article corpus.
    if (i > 0) await yieldToLoop();
    const chunk = ids.slice(i, i + batch);
    // The batch is named by the index's own rowid, which FTS5 takes as a constraint (8 ms for
    // 200 articles at 1M); by a.id, FTS5 matched the whole corpus again for every batch
    // (0.42 s each: 200 s for "reform" at 1M; tests/integration/query-plans.test.ts).
    const rows = await prisma.$queryRaw<(ArticleRow & { marked: string })[]>`
      SELECT a.id AS id, a.slug AS slug, a.title AS title, a."dateStart" AS "dateStart", a."datePrecision" AS "datePrecision",
        a."dateBasis" AS "dateBasis", o.slug AS source, o.name AS "sourceName", a."codingStatus" AS "codingStatus",
        highlight(${table}, 0, ${START}, ${END}) AS marked
      FROM ${table} JOIN "Article" a ON a.id = ${table}.rowid JOIN "Organization" o ON o.id = a."sourceId"
      WHERE ${table} MATCH ${q} AND ${table}.rowid IN (${Prisma.join(chunk)})`;
    const passages = await prisma.$queryRaw<{ articleId: bigint; start: bigint; end: bigint; theme: string }[]>`
      SELECT p."articleId" AS "articleId", p.start AS start, p."end" AS "end", t.slug AS theme
      FROM "Annotation" p JOIN "Theme" t ON t.id = p."themeId"
      WHERE p."articleId" IN (${Prisma.join(chunk)}) AND p.coder = ${coderOf(f)} ORDER BY t."order"`;
    const byId = new Map(rows.map((r) => [n(r.id), r]));
    const out: SearchHit[] = [];
    for (const id of chunk) {
      const r = byId.get(id);
      if (!r) continue;
      const own = passages.filter((p) => n(p.articleId) === id);
      for (const h of hitsFromMarked(r.marked, START, END, CONTEXT_CHARS)) {
        const themes = [...new Set(own.filter((p) => n(p.start) < h.end && n(p.end) > h.start).map((p) => p.theme))];
        out.push({
          articleSlug: r.slug,
          articleTitle: r.title,
          dateStart: r.dateStart,
          datePrecision: r.datePrecision,
          dateBasis: r.dateBasis,
          source: r.source,
          sourceName: r.sourceName,
          codingStatus: r.codingStatus,
          ...h,
          themes,
        });
      }
    }
    yield out;
  }
}

/** Hits of a bucket (period or source) beside the counted articles and words it holds. */
export type HitCount = {
  /** counted articles of the bucket: the denominator; 0 means no data, and hits are null */
  articles: number;
  words: number;
  hits: number | null;
  articlesWithHits: number | null;
  /** hits per 10,000 words of the bucket's counted articles */
  per10k: number | null;
};

export type SearchPeriod = HitCount & { period: string; label: string; start: string; end: string };
export type SearchSource = HitCount & { source: string; name: string };

export type SearchResult = {
  q: string;
  index: SearchIndex;
  hits: number;
  articles: number;
  /** counted articles in view: what was searched */
  searched: number;
  periods: SearchPeriod[];
  sources: SearchSource[];
  /** hits not placed on the timeline: their article's date is unknown or too coarse */
  leftOff: number;
  /** the first `limit` hits, in reading order */
  list: SearchHit[];
};

function countOf(articles: number, words: number, hits: number, withHits: number): HitCount {
  if (articles === 0) return { articles, words, hits: null, articlesWithHits: null, per10k: null };
  return { articles, words, hits, articlesWithHits: withHits, per10k: words ? (hits / words) * 10_000 : null };
}

/** Hit counts over time (same buckets as the theme timeline) and by source, and the first hits. */
export async function getSearch(f: Filters, q: string, limit = 200): Promise<SearchResult> {
  const [timeline, bySource] = await Promise.all([getTimeline(f), getBySource(f)]);
  const perPeriod = new Map<string, { hits: number; articles: Set<string> }>();
  const perSource = new Map<string, { hits: number; articles: Set<string> }>();
  const bump = (m: Map<string, { hits: number; articles: Set<string> }>, key: string, slug: string) => {
    const e = m.get(key) ?? { hits: 0, articles: new Set<string>() };
    e.hits += 1;
    e.articles.add(slug);
    m.set(key, e);
  };
  const list: SearchHit[] = [];
  const articles = new Set<string>();
  let hits = 0;
  let leftOff = 0;
  const placeable = new Set<string>(PLACEABLE[f.granularity]);
  for await (const batch of iterateSearchHits(f, q)) {
    for (const h of batch) {
      hits += 1;
      articles.add(h.articleSlug);
      if (list.length < limit) list.push(h);
      bump(perSource, h.source, h.articleSlug);
      if (h.dateStart && placeable.has(h.datePrecision)) bump(perPeriod, periodKey(h.dateStart, f.granularity), h.articleSlug);
      else leftOff += 1;
    }
  }
  const [searched] = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT COUNT(*) AS count FROM "Article" a WHERE ${Prisma.join(metricConditions(f), " AND ")}`;
  return {
    q,
    index: searchIndexFor(q),
    hits,
    articles: articles.size,
    searched: n(searched?.count),
    periods: timeline.periods.map((p) => {
      const e = perPeriod.get(p.period);
      return { period: p.period, label: p.label, start: p.start, end: p.end, ...countOf(p.articles, p.words, e?.hits ?? 0, e?.articles.size ?? 0) };
    }),
    sources: bySource.sources.map((s) => {
      const e = perSource.get(s.source);
      return { source: s.source, name: s.name, ...countOf(s.articles, s.words, e?.hits ?? 0, e?.articles.size ?? 0) };
    }),
    leftOff,
    list,
  };
}
