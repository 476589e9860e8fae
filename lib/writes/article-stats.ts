// Keeps the per article x theme totals in step with an article's passages. Every write of
// annotations calls this inside the same transaction, so the charts never see a half update.
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { withBusyRetry } from "../db/retry";
import { CONSENSUS } from "../coding/status";
import { articleThemeStats } from "../measure/words";

/** Recounts one coding's per-theme totals of one article ("consensus" unless a coder is named). */
export async function refreshArticleStats(tx: Prisma.TransactionClient, articleId: number, coder: string = CONSENSUS): Promise<void> {
  const [article, themes, annotations] = await Promise.all([
    tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } }),
    tx.theme.findMany({ select: { id: true, slug: true } }),
    tx.annotation.findMany({ where: { articleId, coder }, select: { start: true, end: true, theme: { select: { slug: true } } } }),
  ]);
  const stats = articleThemeStats(
    article.body,
    annotations.map((a) => ({ start: a.start, end: a.end, theme: a.theme.slug })),
    themes.map((t) => t.slug),
  );
  for (const t of themes) {
    const s = stats.get(t.slug)!;
    await tx.articleTheme.upsert({
      where: { articleId_themeId_coder: { articleId, themeId: t.id, coder } },
      create: { articleId, themeId: t.id, coder, ...s },
      update: s,
    });
  }
}

/** Articles whose per-theme rows are refreshed per transaction by fillMissingThemeRows. */
const FILL_BATCH = 50;

/**
 * Gives every article a per-theme row for every theme, computed from its passages: after a
 * theme is added to the codebook, imported articles (which the seed files do not list) would
 * otherwise have no row for it, and totals would count them for some themes and not others.
 * Returns the number of rows written.
 */
export async function fillMissingThemeRows(prisma: PrismaClient): Promise<number> {
  // Every coding: the consensus of every article, and each coder's coding of the articles they code.
  const rows = await prisma.$queryRaw<{ id: number | bigint; coder: string; missing: number | bigint }[]>`
    WITH codings AS (
      SELECT a.id AS articleId, 'consensus' AS coder FROM Article a
      UNION SELECT c.articleId, c.coder FROM ArticleCoding c
      UNION SELECT DISTINCT p.articleId, p.coder FROM Annotation p)
    SELECT k.articleId AS id, k.coder AS coder, COUNT(*) AS missing
    FROM codings k CROSS JOIN Theme t
    LEFT JOIN ArticleTheme s ON s.articleId = k.articleId AND s.themeId = t.id AND s.coder = k.coder
    WHERE s.articleId IS NULL
    GROUP BY k.articleId, k.coder ORDER BY k.articleId`;
  let written = 0;
  for (let i = 0; i < rows.length; i += FILL_BATCH) {
    const batch = rows.slice(i, i + FILL_BATCH);
    await withBusyRetry(`filling per-theme totals of ${batch.length} article(s)`, () =>
      prisma.$transaction(async (tx) => {
        for (const r of batch) await refreshArticleStats(tx, Number(r.id), r.coder);
      }, { timeout: 60_000, maxWait: 10_000 }),
    );
    written += batch.reduce((n, r) => n + Number(r.missing), 0);
  }
  return written;
}
