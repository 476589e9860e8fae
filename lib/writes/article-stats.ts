// Keeps the per article x theme totals in step with an article's passages. Every write of
// annotations calls this inside the same transaction, so the charts never see a half update.
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { withBusyRetry } from "../db/retry";
import { articleThemeStats } from "../measure/words";

export async function refreshArticleStats(tx: Prisma.TransactionClient, articleId: number): Promise<void> {
  const [article, themes, annotations] = await Promise.all([
    tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } }),
    tx.theme.findMany({ select: { id: true, slug: true } }),
    tx.annotation.findMany({ where: { articleId }, select: { start: true, end: true, theme: { select: { slug: true } } } }),
  ]);
  const stats = articleThemeStats(
    article.body,
    annotations.map((a) => ({ start: a.start, end: a.end, theme: a.theme.slug })),
    themes.map((t) => t.slug),
  );
  for (const t of themes) {
    const s = stats.get(t.slug)!;
    await tx.articleTheme.upsert({
      where: { articleId_themeId: { articleId, themeId: t.id } },
      create: { articleId, themeId: t.id, ...s },
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
  const rows = await prisma.$queryRaw<{ id: number | bigint; missing: number | bigint }[]>`
    SELECT a.id AS id, COUNT(*) AS missing
    FROM Article a CROSS JOIN Theme t
    LEFT JOIN ArticleTheme s ON s.articleId = a.id AND s.themeId = t.id
    WHERE s.articleId IS NULL
    GROUP BY a.id ORDER BY a.id`;
  let written = 0;
  for (let i = 0; i < rows.length; i += FILL_BATCH) {
    const batch = rows.slice(i, i + FILL_BATCH);
    await withBusyRetry(`filling per-theme totals of ${batch.length} article(s)`, () =>
      prisma.$transaction(async (tx) => {
        for (const r of batch) await refreshArticleStats(tx, Number(r.id));
      }, { timeout: 60_000, maxWait: 10_000 }),
    );
    written += batch.reduce((n, r) => n + Number(r.missing), 0);
  }
  return written;
}
