// Keeps the per article x theme totals in step with an article's passages. Every write of
// annotations calls this inside the same transaction, so the charts never see a half update.
import type { Prisma } from "../../generated/prisma/client";
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
