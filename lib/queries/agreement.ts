import "server-only";
// Intercoder agreement: for every pair of coders, the articles both have coded (status coded or
// reviewed), word-level Krippendorff's alpha and sentence-level Cohen's kappa per theme and pooled,
// and per article. The statistics are lib/measure/agreement.ts; this module only gathers the data.
import { COUNTED_STATUSES, CONSENSUS } from "../coding/status";
import { prisma } from "../db/client";
import { mergeSpans, wordSpans, type Span } from "../measure/words";
import { pairAgreement, type ThemeAgreement, type ThemedSpan } from "../measure/agreement";
import { sentenceSpans } from "../measure/sentences";

export type PairRow = ThemeAgreement & { coderA: string; coderB: string };
export type ArticleAgreement = { article: string; title: string; coderA: string; coderB: string; rows: ThemeAgreement[] };
export type Agreement = { themes: { slug: string; name: string; colour: string }[]; pairs: PairRow[]; articles: ArticleAgreement[] };

type Coded = { id: number; slug: string; title: string; body: string; passages: Map<string, ThemedSpan[]> };

async function codedArticles(): Promise<Coded[]> {
  const codings = await prisma.articleCoding.findMany({ where: { status: { in: [...COUNTED_STATUSES] } }, select: { articleId: true, coder: true } });
  const byArticle = new Map<number, string[]>();
  for (const c of codings) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c.coder]);
  const ids = [...byArticle].filter(([, cs]) => cs.length >= 2).map(([id]) => id);
  if (!ids.length) return [];
  const articles = await prisma.article.findMany({
    where: { id: { in: ids } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, title: true, body: true, annotations: { where: { NOT: { coder: CONSENSUS } }, select: { coder: true, start: true, end: true, theme: { select: { slug: true } } } } },
  });
  return articles.map((a) => {
    const passages = new Map<string, ThemedSpan[]>(byArticle.get(a.id)!.map((c) => [c, []]));
    for (const p of a.annotations) passages.get(p.coder)?.push({ start: p.start, end: p.end, theme: p.theme.slug });
    return { id: a.id, slug: a.slug, title: a.title, body: a.body, passages };
  });
}

export async function getAgreement(): Promise<Agreement> {
  const themes = await prisma.theme.findMany({ orderBy: { order: "asc" }, select: { slug: true, name: true, colour: true } });
  const slugs = themes.map((t) => t.slug);
  const articles = await codedArticles();
  const prepared = articles.map((a) => ({ ...a, words: wordSpans(a.body), sentences: sentenceSpans(a.body) }));
  const coders = [...new Set(articles.flatMap((a) => [...a.passages.keys()]))].sort();
  const pairs: PairRow[] = [];
  const perArticle: ArticleAgreement[] = [];
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const [coderA, coderB] = [coders[i], coders[j]];
      const both = prepared.filter((a) => a.passages.has(coderA) && a.passages.has(coderB));
      if (!both.length) continue;
      const pa = both.map((a) => ({ article: a.slug, words: a.words, sentences: a.sentences, a: a.passages.get(coderA)!, b: a.passages.get(coderB)! }));
      pairs.push(...pairAgreement(pa, slugs).map((r) => ({ ...r, coderA, coderB })));
      for (const [k, a] of both.entries()) perArticle.push({ article: a.slug, title: a.title, coderA, coderB, rows: pairAgreement([pa[k]], slugs) });
    }
  }
  return { themes, pairs, articles: perArticle };
}

/** Where two codings of one article differ, theme by theme: the stretches to read and adjudicate. */
export type Disagreement = { theme: string; start: number; end: number; a: Span[]; b: Span[]; consensus: Span[] };

export async function getDisagreements(slug: string, coderA: string, coderB: string) {
  const article = await prisma.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      wordCount: true,
      codings: { select: { coder: true, status: true } },
      annotations: { where: { coder: { in: [coderA, coderB, CONSENSUS] } }, select: { id: true, coder: true, start: true, end: true, quote: true, theme: { select: { slug: true } } } },
      adjudications: { orderBy: { id: "asc" } },
      themeStats: { where: { coder: { in: [coderA, coderB, CONSENSUS] } }, select: { coder: true, taggedWords: true, theme: { select: { slug: true } } } },
    },
  });
  if (!article) return null;
  const themes = await prisma.theme.findMany({ orderBy: { order: "asc" }, select: { slug: true, name: true, colour: true } });
  const words = wordSpans(article.body);
  const of = (coder: string, theme: string) => article.annotations.filter((p) => p.coder === coder && p.theme.slug === theme);
  const disagreements: Disagreement[] = [];
  for (const t of themes) {
    const [a, b, c] = [of(coderA, t.slug), of(coderB, t.slug), of(CONSENSUS, t.slug)];
    // Stretches: merged extents of either coder's passages; a stretch disagrees when the words they cover differ.
    for (const m of mergeSpans([...a, ...b])) {
      const inA = a.filter((p) => p.start < m.end && p.end > m.start);
      const inB = b.filter((p) => p.start < m.end && p.end > m.start);
      const cover = (ps: Span[]) => words.filter((w) => w.start >= m.start && w.end <= m.end && ps.some((p) => p.start < w.end && p.end > w.start)).map((w) => w.start).join();
      if (cover(inA) === cover(inB)) continue;
      disagreements.push({ theme: t.slug, start: m.start, end: m.end, a: inA, b: inB, consensus: c.filter((p) => p.start < m.end && p.end > m.start) });
    }
  }
  const share = (coder: string) =>
    Object.fromEntries(themes.map((t) => [t.slug, (article.themeStats.find((s) => s.coder === coder && s.theme.slug === t.slug)?.taggedWords ?? 0) / Math.max(1, article.wordCount)]));
  return {
    article: { slug: article.slug, title: article.title, body: article.body, wordCount: article.wordCount },
    themes,
    coders: [coderA, coderB],
    codings: article.codings,
    passages: article.annotations.map((p) => ({ id: p.id, coder: p.coder, theme: p.theme.slug, start: p.start, end: p.end, quote: p.quote })),
    disagreements,
    shares: { [coderA]: share(coderA), [coderB]: share(coderB), [CONSENSUS]: share(CONSENSUS) },
    adjudications: article.adjudications.map((d) => ({ id: d.id, theme: d.theme, decision: d.decision, adjudicator: d.adjudicator, at: d.at, reason: d.reason, from: JSON.parse(d.fromPassages) as { coder: string; quote: string }[], result: JSON.parse(d.result) as { quote: string }[] })),
  };
}
export type DisagreementView = NonNullable<Awaited<ReturnType<typeof getDisagreements>>>;
