import "server-only";
import { codingFilePath, exportAnnotations } from "../coding/annotation-io";
import { CONSENSUS } from "../coding/status";
import { prisma } from "../db/client";

export type ThemeInfo = {
  slug: string;
  name: string;
  colour: string;
  definition: string;
  cues: string[];
  boundaries: string[];
  order: number;
};

export async function getThemes(): Promise<ThemeInfo[]> {
  const rows = await prisma.theme.findMany({ orderBy: { order: "asc" } });
  return rows.map((t) => ({
    slug: t.slug,
    name: t.name,
    colour: t.colour,
    definition: t.definition,
    cues: JSON.parse(t.cues) as string[],
    boundaries: JSON.parse(t.boundaries) as string[],
    order: t.order,
  }));
}

export async function getCodebookVersion(): Promise<string> {
  return (await prisma.codebook.findUnique({ where: { id: 1 } }))?.version ?? "none";
}

export type OrgRef = { slug: string; name: string };

export type ArticleListItem = {
  slug: string;
  title: string;
  dateStart: string | null;
  datePrecision: string;
  dateBasis: string | null;
  codingStatus: string;
  source: OrgRef;
  publisher: OrgRef | null;
  wordCount: number;
  /** theme slug -> passages and tagged words */
  themes: Record<string, { passages: number; taggedWords: number }>;
};

/** Articles, newest first (unknown dates last), with their per-theme totals. */
export async function getArticleList(where: { ids?: number[] } = {}): Promise<ArticleListItem[]> {
  const rows = await prisma.article.findMany({
    where: where.ids ? { id: { in: where.ids } } : undefined,
    orderBy: [{ dateStart: { sort: "desc", nulls: "last" } }, { slug: "asc" }],
    select: {
      slug: true,
      title: true,
      dateStart: true,
      datePrecision: true,
      dateBasis: true,
      codingStatus: true,
      wordCount: true,
      source: { select: { slug: true, name: true } },
      publisher: { select: { slug: true, name: true } },
      themeStats: { select: { passages: true, taggedWords: true, theme: { select: { slug: true } } } },
    },
  });
  return rows.map(({ themeStats, ...a }) => ({
    ...a,
    themes: Object.fromEntries(themeStats.map((s) => [s.theme.slug, { passages: s.passages, taggedWords: s.taggedWords }])),
  }));
}

/** An article with one coding's passages and totals: the consensus unless a coder is named. */
export async function getArticle(slug: string, coder: string = CONSENSUS) {
  const a = await prisma.article.findUnique({
    where: { slug },
    include: {
      source: true,
      publisher: true,
      mentions: { include: { organization: true } },
      annotations: { where: { coder }, include: { theme: { select: { slug: true } } }, orderBy: [{ start: "asc" }, { end: "asc" }] },
      // Every coder's rows of the article, the coder picked below: a `coder = ?` here makes SQLite
      // walk that coder's rows of the whole corpus instead (1.9 s a view at a million articles).
      themeStats: { include: { theme: { select: { slug: true } } } },
      codings: { orderBy: { coder: "asc" } },
      _count: { select: { adjudications: true } },
    },
  });
  if (!a) return null;
  return {
    slug: a.slug,
    title: a.title,
    titleNote: a.titleNote,
    body: a.body,
    wordCount: a.wordCount,
    dateStart: a.dateStart,
    dateEnd: a.dateEnd,
    datePrecision: a.datePrecision,
    dateNote: a.dateNote,
    dateBasis: a.dateBasis,
    codingStatus: a.codingStatus,
    url: a.url,
    attribution: a.attribution,
    source: { slug: a.source.slug, name: a.source.name },
    publisher: a.publisher ? { slug: a.publisher.slug, name: a.publisher.name } : null,
    mentions: a.mentions.map((m) => ({ slug: m.organization.slug, name: m.organization.name })).sort((x, y) => x.name.localeCompare(y.name)),
    annotations: a.annotations.map((x) => ({
      id: x.id,
      theme: x.theme.slug,
      start: x.start,
      end: x.end,
      quote: x.quote,
      annotator: x.annotator,
      note: x.note,
    })),
    stats: Object.fromEntries(a.themeStats.filter((s) => s.coder === coder).map((s) => [s.theme.slug, { taggedWords: s.taggedWords, passages: s.passages }])),
    coder,
    /** every coder's coding of the article and where it stands */
    codings: a.codings.map((c) => ({ coder: c.coder, status: c.status })),
    adjudicated: a._count.adjudications > 0,
  };
}

/** Another coding's passages of an article, drawn beside one's own once blind coding allows it. */
export async function getCodingPassages(slug: string, coders: readonly string[]) {
  const rows = await prisma.annotation.findMany({
    where: { article: { slug }, coder: { in: [...coders] } },
    include: { theme: { select: { slug: true } } },
    orderBy: [{ start: "asc" }, { end: "asc" }],
  });
  return rows.map((x) => ({ id: x.id, coder: x.coder, theme: x.theme.slug, start: x.start, end: x.end, quote: x.quote, annotator: x.annotator, note: x.note }));
}

/** The latest changes to an article's passages, newest first: who, when, what. */
export async function getHistory(slug: string, limit = 50) {
  const rows = await prisma.annotationEvent.findMany({ where: { article: { slug } }, orderBy: { id: "desc" }, take: limit });
  const state = (j: string | null) => (j ? (JSON.parse(j) as { theme: string; quote: string; note: string | null }) : null);
  return rows.map((r) => ({ id: r.id, at: r.at, who: r.who, coder: r.coder, action: r.action, before: state(r.before), after: state(r.after), undoes: r.undoes }));
}

export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof getArticle>>>;

export type CodebookEntry = ThemeInfo & {
  passages: number;
  articles: number;
  taggedWords: number;
  examples: { id: number; quote: string; articleSlug: string; articleTitle: string }[];
};

/** Candidates read at a time while looking for examples from different articles. */
const EXAMPLE_PAGE = 32;

type ExampleRow = { id: number; articleId: number; quote: string; articleSlug: string; articleTitle: string };

/**
 * The `n` typical consensus passages of one theme: nearest 160 characters long, one per
 * article first; if fewer articles have the theme, the next-nearest of each article, round by
 * round (ties: the lower id). Read in pages along the index on (themeId, coder, distance, id)
 * (migration 20261202010000_codebook_examples), so the first page nearly always decides: 1 ms at
 * a million articles, where ranking every passage took 6 s.
 */
export async function getThemeExamples(theme: string, n: number): Promise<ExampleRow[]> {
  if (n <= 0) return [];
  const seen: ExampleRow[] = [];
  const articles = new Set<number>();
  const picked: ExampleRow[] = [];
  for (let offset = 0; ; offset += EXAMPLE_PAGE) {
    // The ORDER BY repeats the index's expression exactly (160 included), so that SQLite walks the index.
    const page = await prisma.$queryRaw<{ id: bigint | number; articleId: bigint | number; quote: string; articleSlug: string; articleTitle: string }[]>`
      SELECT p.id, p."articleId", p.quote, a.slug AS "articleSlug", a.title AS "articleTitle"
      FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId"
      WHERE p."themeId" = (SELECT id FROM "Theme" WHERE slug = ${theme}) AND p.coder = 'consensus'
      ORDER BY ABS(LENGTH(p.quote) - 160), p.id LIMIT ${EXAMPLE_PAGE} OFFSET ${offset}`;
    for (const r of page) {
      const row = { id: Number(r.id), articleId: Number(r.articleId), quote: r.quote, articleSlug: r.articleSlug, articleTitle: r.articleTitle };
      seen.push(row);
      // The first passage met of an article is its nearest: in this order, those come first.
      if (!articles.has(row.articleId)) {
        articles.add(row.articleId);
        picked.push(row);
        if (picked.length === n) return picked;
      }
    }
    if (page.length < EXAMPLE_PAGE) break;
  }
  // Every passage of the theme is in `seen`, and fewer than n articles: rank each passage
  // within its article, then take round by round.
  const rank = new Map<number, number>();
  const perArticle = new Map<number, number>();
  for (const r of seen) {
    const k = perArticle.get(r.articleId) ?? 0;
    perArticle.set(r.articleId, k + 1);
    rank.set(r.id, k);
  }
  return seen
    .map((r, order) => ({ r, order }))
    .sort((x, y) => rank.get(x.r.id)! - rank.get(y.r.id)! || x.order - y.order)
    .slice(0, n)
    .map((x) => x.r);
}

/** The codebook with, per theme, how often it was applied and a few typical passages. */
export async function getCodebook(examplesPerTheme = 3): Promise<{ version: string; totalArticles: number; themes: CodebookEntry[] }> {
  const [themes, version, totalArticles, counts] = await Promise.all([
    getThemes(),
    getCodebookVersion(),
    prisma.article.count(),
    // The consensus totals from the rollup of (coder, theme, source, date basis, status), which
    // holds every article x theme row (lib/db/rollup.ts; checked by npm run db:check): 1 ms at
    // a million articles, where summing "ArticleTheme" took 1.8 s.
    prisma.$queryRaw<{ slug: string; passages: bigint | number | null; articles: bigint | number | null; tagged: bigint | number | null }[]>`
      SELECT t.slug, SUM(r.passages) AS passages, SUM(r."withTheme") AS articles, SUM(r.tagged) AS tagged
      FROM "Theme" t LEFT JOIN "SourceRollup" r ON r."themeId" = t.id AND r.coder = 'consensus' GROUP BY t.id`,
  ]);
  const examples = await Promise.all(themes.map((t) => getThemeExamples(t.slug, examplesPerTheme)));
  const bySlug = new Map(counts.map((c) => [c.slug, c]));
  return {
    version,
    totalArticles,
    themes: themes.map((t, i) => ({
      ...t,
      passages: Number(bySlug.get(t.slug)?.passages ?? 0),
      articles: Number(bySlug.get(t.slug)?.articles ?? 0),
      taggedWords: Number(bySlug.get(t.slug)?.tagged ?? 0),
      examples: examples[i].map((e) => ({ id: e.id, quote: e.quote, articleSlug: e.articleSlug, articleTitle: e.articleTitle })),
    })),
  };
}

export async function getOrganizations(): Promise<OrgRef[]> {
  return prisma.organization.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

/** One coding of an article (the consensus unless a coder is named) as an annotation file, or null. */
export async function getAnnotationFile(slug: string, coder: string = CONSENSUS): Promise<string | null> {
  const files = await exportAnnotations(prisma, [slug]);
  const hit = files.get(codingFilePath(slug, coder));
  if (hit) return hit.text;
  // A lone coder's consensus is that coder's coding: serve it as the consensus file.
  const only = [...files.values()].filter((f) => f.coder !== CONSENSUS);
  if (coder === CONSENSUS && only.length === 1) return only[0].text.replace(`"coder": ${JSON.stringify(only[0].coder)}`, `"coder": "consensus"`);
  return null;
}
