// The check behind `npm run db:check`: every stored total recomputed from what it is a total
// of. Per article x theme, tagged words and passages from the article's passages (the same
// articleThemeStats the writes use); per article, the word count from its text; per passage,
// its quote against the text at its offsets and its stored words against a recount of the quote. Reads only; takes the client as an argument so
// the command and the tests can point it at any database file.
import type { PrismaClient } from "../../generated/prisma/client";
import { CONSENSUS } from "../coding/status";
import { articleThemeStats, countWords } from "../measure/words";
import { checkRollups, prismaRunner, type RollupDifference } from "../db/rollup";

export type Difference = {
  article: string;
  /** The theme of a per-theme total, null for the article's word count */
  theme: string | null;
  what: "taggedWords" | "passages" | "row" | "wordCount" | "quote" | "passageWords";
  /** whose coding, where it is not the consensus */
  coder?: string;
  /** null: no stored row at all */
  stored: number | string | null;
  recomputed: number | string | null;
};

export type ConsistencyReport = {
  articles: number;
  themes: number;
  rows: number;
  differences: Difference[];
  /** the fact and rollup tables against a full recomputation from the base tables */
  rollups: RollupDifference[];
};

/** Articles read per query, so a large database is checked in bounded memory. */
const BATCH = 200;

export async function checkConsistency(prisma: PrismaClient): Promise<ConsistencyReport> {
  const themes = await prisma.theme.findMany({ orderBy: { order: "asc" }, select: { id: true, slug: true } });
  const slugOf = new Map(themes.map((t) => [t.id, t.slug]));
  const slugs = themes.map((t) => t.slug);
  const differences: Difference[] = [];
  let articles = 0;
  let rows = 0;
  for (let after = 0; ; ) {
    const batch = await prisma.article.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        slug: true,
        body: true,
        wordCount: true,
        annotations: { select: { id: true, themeId: true, start: true, end: true, quote: true, words: true, coder: true } },
        themeStats: { select: { themeId: true, taggedWords: true, passages: true, coder: true } },
        codings: { select: { coder: true } },
      },
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1].id;
    for (const a of batch) {
      articles++;
      rows += a.themeStats.filter((s) => s.coder === CONSENSUS).length;
      const words = countWords(a.body);
      if (words !== a.wordCount) differences.push({ article: a.slug, theme: null, what: "wordCount", stored: a.wordCount, recomputed: words });
      for (const p of a.annotations) {
        const text = a.body.slice(p.start, p.end);
        if (text !== p.quote) differences.push({ article: a.slug, theme: slugOf.get(p.themeId) ?? null, what: "quote", stored: p.quote, recomputed: text });
        // What passages.csv writes as the passage's words (null: never counted, npm run db:setup counts it).
        const quoteWords = countWords(p.quote);
        if (p.words !== quoteWords) {
          const coder = p.coder === CONSENSUS ? {} : { coder: p.coder };
          differences.push({ article: a.slug, theme: slugOf.get(p.themeId) ?? null, what: "passageWords", stored: p.words, recomputed: quoteWords, ...coder });
        }
      }
      // Every coding: the consensus, and each coder's.
      const coders = [CONSENSUS, ...new Set([...a.codings.map((c) => c.coder), ...a.annotations.map((p) => p.coder)].filter((c) => c !== CONSENSUS))];
      for (const coder of coders) {
        const who = coder === CONSENSUS ? {} : { coder };
        const stats = articleThemeStats(
          a.body,
          a.annotations.filter((p) => p.coder === coder).map((p) => ({ start: p.start, end: p.end, theme: slugOf.get(p.themeId)! })),
          slugs,
        );
        const stored = new Map(a.themeStats.filter((s) => s.coder === coder).map((s) => [slugOf.get(s.themeId)!, s]));
        for (const [theme, want] of stats) {
          const have = stored.get(theme);
          if (!have) {
            differences.push({ article: a.slug, theme, what: "row", stored: null, recomputed: `${want.taggedWords} words, ${want.passages} passages`, ...who });
            continue;
          }
          if (have.taggedWords !== want.taggedWords) differences.push({ article: a.slug, theme, what: "taggedWords", stored: have.taggedWords, recomputed: want.taggedWords, ...who });
          if (have.passages !== want.passages) differences.push({ article: a.slug, theme, what: "passages", stored: have.passages, recomputed: want.passages, ...who });
        }
      }
    }
  }
  return { articles, themes: themes.length, rows, differences, rollups: await checkRollups(prismaRunner(prisma)) };
}

/** The report as lines of text: a summary, then one line per difference (at most `limit`). */
export function describeConsistency(r: ConsistencyReport, limit = 200): string[] {
  const head = `Checked ${r.articles} article(s) x ${r.themes} theme(s): ${r.rows} per-theme row(s) stored, ${r.articles * r.themes} expected.`;
  const rollups = r.rollups.length
    ? [
        "The chart aggregates (ThemeFact, ThemeRollup, MentionRollup) differ from a full recomputation:",
        ...r.rollups.map((d) => `  ${d.check}: ${d.count} row(s), e.g. ${JSON.stringify(d.examples[0], (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v))}`),
      ]
    : ["The chart aggregates (ThemeFact, ThemeRollup, MentionRollup) equal a full recomputation from the base tables."];
  if (r.differences.length === 0) return [head, "Every per-theme total, word count, quote and passage word count matches the passages and texts.", ...rollups];
  const show = (v: number | string | null, what?: Difference["what"]) => (v === null ? (what === "passageWords" ? "(not counted)" : "(no row)") : typeof v === "string" ? JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v) : String(v));
  return [
    head,
    `${r.differences.length} difference(s) (article, theme, what, stored, recomputed):`,
    ...r.differences.slice(0, limit).map((d) => `  ${d.article}  ${d.theme ?? "-"}  ${d.what}  stored ${show(d.stored, d.what)}  recomputed ${show(d.recomputed)}`),
    ...(r.differences.length > limit ? [`  ... and ${r.differences.length - limit} more`] : []),
    "npm run db:seed rebuilds missing rows, npm run db:setup counts uncounted passage words; a wrong total means a write went around lib/writes.",
    ...rollups,
  ];
}
