// Brings one article's passages in line with a wanted list, touching only what differs, and
// refreshes its per-theme totals. Used by the seed and by loading an annotation file.
import type { Prisma } from "../../generated/prisma/client";
import type { PlannedAnnotation } from "../corpus/seed";
import { CONSENSUS } from "../coding/status";
import { articleThemeStats, countWords } from "../measure/words";

const key = (a: PlannedAnnotation) => JSON.stringify([a.theme, a.start, a.end, a.quote, a.annotator, a.note]);

export async function syncArticleAnnotations(
  tx: Prisma.TransactionClient,
  article: { id: number; body: string },
  wanted: readonly PlannedAnnotation[],
  themeIds: ReadonlyMap<string, number>,
  coder: string = CONSENSUS,
): Promise<{ added: number; removed: number; statsChanged: number }> {
  const slugById = new Map([...themeIds].map(([slug, id]) => [id, slug]));
  const have = (await tx.annotation.findMany({ where: { articleId: article.id, coder } })).map((h) => ({
    ...h,
    theme: slugById.get(h.themeId) ?? "",
  }));
  const haveKeys = new Set(have.map(key));
  const wantKeys = new Set(wanted.map(key));
  const stale = have.filter((h) => !wantKeys.has(key(h)));
  const fresh = wanted.filter((w) => !haveKeys.has(key(w)));
  if (stale.length) await tx.annotation.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  if (fresh.length) {
    await tx.annotation.createMany({
      data: fresh.map((p) => ({
        articleId: article.id,
        coder,
        themeId: themeIds.get(p.theme)!,
        start: p.start,
        end: p.end,
        quote: p.quote,
        words: countWords(p.quote),
        annotator: p.annotator,
        note: p.note,
      })),
    });
  }

  const stats = articleThemeStats(article.body, wanted, [...themeIds.keys()]);
  // By article only, the coder picked here: with `coder = ?` in the WHERE, SQLite (no ANALYZE
  // statistics) takes the (coder, themeId) index and walks every row of that coder, 1.9 s at a
  // million articles, inside the write transaction (tests/integration/query-plans.test.ts).
  const current = new Map((await tx.articleTheme.findMany({ where: { articleId: article.id } })).filter((s) => s.coder === coder).map((s) => [s.themeId, s]));
  let statsChanged = 0;
  for (const [slug, stat] of stats) {
    const themeId = themeIds.get(slug)!;
    const cur = current.get(themeId);
    if (cur && cur.taggedWords === stat.taggedWords && cur.passages === stat.passages) continue;
    await tx.articleTheme.upsert({
      where: { articleId_themeId_coder: { articleId: article.id, themeId, coder } },
      create: { articleId: article.id, themeId, coder, ...stat },
      update: stat,
    });
    statsChanged++;
  }
  return { added: fresh.length, removed: stale.length, statsChanged };
}
