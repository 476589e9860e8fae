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

/** The codebook with, per theme, how often it was applied and a few typical passages. */
export async function getCodebook(examplesPerTheme = 3): Promise<{ version: string; totalArticles: number; themes: CodebookEntry[] }> {
  const [themes, version, totalArticles, counts, examples] = await Promise.all([
    getThemes(),
    getCodebookVersion(),
    prisma.article.count(),
    prisma.$queryRaw<{ slug: string; passages: bigint; articles: bigint; tagged: bigint }[]>`
      SELECT t.slug, SUM(s.passages) AS passages, SUM(CASE WHEN s.passages > 0 THEN 1 ELSE 0 END) AS articles,
        SUM(s."taggedWords") AS tagged
      FROM "Theme" t LEFT JOIN "ArticleTheme" s ON s."themeId" = t.id AND s.coder = 'consensus' GROUP BY t.id`,
    // Typical rather than extreme: passages nearest 160 characters, from different articles first.
    prisma.$queryRaw<{ id: bigint; slug: string; quote: string; articleSlug: string; articleTitle: string }[]>`
      SELECT id, slug, quote, "articleSlug", "articleTitle" FROM (
        SELECT p.id, t.slug, p.quote, a.slug AS "articleSlug", a.title AS "articleTitle",
          ROW_NUMBER() OVER (PARTITION BY t.id ORDER BY rn_article, ABS(LENGTH(p.quote) - 160)) AS rn
        FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "themeId", "articleId" ORDER BY ABS(LENGTH(quote) - 160)) AS rn_article FROM "Annotation" WHERE coder = 'consensus') p
        JOIN "Theme" t ON t.id = p."themeId" JOIN "Article" a ON a.id = p."articleId"
      ) WHERE rn <= ${examplesPerTheme} ORDER BY slug, rn`,
  ]);
  const bySlug = new Map(counts.map((c) => [c.slug, c]));
  return {
    version,
    totalArticles,
    themes: themes.map((t) => ({
      ...t,
      passages: Number(bySlug.get(t.slug)?.passages ?? 0),
      articles: Number(bySlug.get(t.slug)?.articles ?? 0),
      taggedWords: Number(bySlug.get(t.slug)?.tagged ?? 0),
      examples: examples.filter((e) => e.slug === t.slug).map((e) => ({ id: Number(e.id), quote: e.quote, articleSlug: e.articleSlug, articleTitle: e.articleTitle })),
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
