import "server-only";
import { prisma } from "../db";

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
