// What keeps codings consistent inside every write's transaction: each coder's totals, the
// consensus (which mirrors the only coder's coding until an adjudication has been recorded),
// the per-coder coding status, and the history of every passage.
import type { Prisma } from "../../generated/prisma/client";
import { CONSENSUS, type CodingStatus } from "../coding/status";
import { refreshArticleStats } from "./article-stats";
import { syncArticleAnnotations } from "./annotations";

type Tx = Prisma.TransactionClient;

export type PassageState = { theme: string; start: number; end: number; quote: string; note: string | null };

/** The coders (not the consensus) who have a coding of the article. */
export async function codersOf(tx: Tx, articleId: number): Promise<string[]> {
  const [codings, passages] = await Promise.all([
    tx.articleCoding.findMany({ where: { articleId }, select: { coder: true } }),
    tx.annotation.findMany({ where: { articleId, NOT: { coder: CONSENSUS } }, select: { coder: true }, distinct: ["coder"] }),
  ]);
  return [...new Set([...codings.map((c) => c.coder), ...passages.map((p) => p.coder)])].sort();
}

/** A coder starts a coding of an article the first time they write to it. */
export async function ensureCoding(tx: Tx, articleId: number, coder: string): Promise<void> {
  if (coder === CONSENSUS) return;
  const have = await tx.articleCoding.findUnique({ where: { articleId_coder: { articleId, coder } } });
  if (!have) await tx.articleCoding.create({ data: { articleId, coder, status: "in-progress", updatedAt: new Date().toISOString() } });
}

/**
 * After a coding changed: recount its totals, and while the article has one coder and no
 * adjudication, make the consensus that coder's coding (passages, totals and status).
 */
export async function afterCodingChange(tx: Tx, articleId: number, coder: string): Promise<void> {
  await refreshArticleStats(tx, articleId, coder);
  if (coder === CONSENSUS) return;
  await mirrorConsensus(tx, articleId);
}

export async function mirrorConsensus(tx: Tx, articleId: number): Promise<boolean> {
  if (await tx.adjudication.count({ where: { articleId } })) return false;
  const coders = await codersOf(tx, articleId);
  if (coders.length !== 1) return false;
  const [only] = coders;
  const [article, themes, passages] = await Promise.all([
    tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, body: true, codingStatus: true } }),
    tx.theme.findMany({ select: { id: true, slug: true } }),
    tx.annotation.findMany({ where: { articleId, coder: only }, include: { theme: { select: { slug: true } } } }),
  ]);
  // Touches only the consensus rows that differ, so an unchanged coding changes nothing.
  await syncArticleAnnotations(
    tx,
    article,
    passages.map((p) => ({ theme: p.theme.slug, start: p.start, end: p.end, quote: p.quote, annotator: p.annotator, note: p.note })),
    new Map(themes.map((t) => [t.slug, t.id])),
    CONSENSUS,
  );
  const status = await tx.articleCoding.findUnique({ where: { articleId_coder: { articleId, coder: only } } });
  if (status && status.status !== article.codingStatus) await tx.article.update({ where: { id: articleId }, data: { codingStatus: status.status } });
  return true;
}

/** Sets one coding's status; the consensus's is the article's own (what the charts count). */
export async function setStatus(tx: Tx, articleId: number, coder: string, status: CodingStatus): Promise<void> {
  if (coder === CONSENSUS) {
    await tx.article.updateMany({ where: { id: articleId, NOT: { codingStatus: status } }, data: { codingStatus: status } });
    return;
  }
  const have = await tx.articleCoding.findUnique({ where: { articleId_coder: { articleId, coder } } });
  if (have?.status === status) return;
  await tx.articleCoding.upsert({
    where: { articleId_coder: { articleId, coder } },
    create: { articleId, coder, status, updatedAt: new Date().toISOString() },
    update: { status, updatedAt: new Date().toISOString() },
  });
  await afterCodingChange(tx, articleId, coder);
}

export async function recordEvent(
  tx: Tx,
  e: { articleId: number; annotationId: number | null; coder: string; who: string; action: "create" | "update" | "delete" | "undo"; before: PassageState | null; after: PassageState | null; undoes?: number },
): Promise<void> {
  await tx.annotationEvent.create({
    data: {
      articleId: e.articleId,
      annotationId: e.annotationId,
      coder: e.coder,
      who: e.who,
      at: new Date().toISOString(),
      action: e.action,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      undoes: e.undoes ?? null,
    },
  });
}
