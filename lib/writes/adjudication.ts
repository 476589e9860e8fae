import "server-only";
// Adjudication: for one theme and one stretch of text where two coders disagree, the
// adjudicator puts A's passages, B's, both, neither, or an edited passage into the consensus.
// Every decision is recorded (who, when, from which passages, what resulted); from the first
// decision on, the consensus of the article no longer follows a coder's edits.
import { prisma } from "../db/client";
import { snapToWords } from "../coding/snap";
import { countWords } from "../measure/words";
import type { AdjudicationInput } from "../coding/schemas";
import { CONSENSUS } from "../coding/status";
import { refreshArticleStats } from "./article-stats";
import { recordEvent } from "./codings";
import { fail, retried, type WriteResult } from "./result";

type Span = { start: number; end: number; quote: string };

/** Retried from its first read while another writer holds the database (a 503 if it never lets go), as every write of the app. */
export const adjudicate = (slug: string, a: AdjudicationInput): Promise<WriteResult<{ id: number; result: Span[] }>> =>
  retried("adjudicating", () => adjudicateOnce(slug, a));

async function adjudicateOnce(slug: string, a: AdjudicationInput): Promise<WriteResult<{ id: number; result: Span[] }>> {
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, body: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  if (a.end > article.body.length) return fail(400, "end", `must be at most ${article.body.length}, the length of the article's text`);
  const theme = await prisma.theme.findUnique({ where: { slug: a.theme } });
  if (!theme) return fail(400, "theme", `unknown theme "${a.theme}"`);
  const inRange = { articleId: article.id, themeId: theme.id, start: { lt: a.end }, end: { gt: a.start } };
  const [fromA, fromB] = await Promise.all(
    [a.coderA, a.coderB].map((coder) => prisma.annotation.findMany({ where: { ...inRange, coder }, orderBy: { start: "asc" } })),
  );
  if (!fromA.length && !fromB.length) return fail(400, "start", `neither ${a.coderA} nor ${a.coderB} tagged ${a.theme} in this stretch`);
  let chosen: Span[];
  if (a.decision === "edit") {
    if (a.edit!.end > article.body.length) return fail(400, "edit", `must end by ${article.body.length}`);
    const span = snapToWords(article.body, a.edit!.start, a.edit!.end);
    if (!span) return fail(400, "edit", "the edited passage holds no words of the article");
    chosen = [{ ...span, quote: article.body.slice(span.start, span.end) }];
  } else {
    const pick = a.decision === "a" ? fromA : a.decision === "b" ? fromB : a.decision === "both" ? [...fromA, ...fromB] : [];
    const seen = new Set<string>();
    chosen = pick.filter((p) => !seen.has(`${p.start}:${p.end}`) && seen.add(`${p.start}:${p.end}`)).map((p) => ({ start: p.start, end: p.end, quote: p.quote }));
  }
  const from = [...fromA.map((p) => ({ coder: a.coderA, start: p.start, end: p.end, quote: p.quote })), ...fromB.map((p) => ({ coder: a.coderB, start: p.start, end: p.end, quote: p.quote }))];
  // The stretch the consensus is rewritten over: the decision's range and every passage in it.
  const lo = Math.min(a.start, ...from.map((p) => p.start));
  const hi = Math.max(a.end, ...from.map((p) => p.end));
  const id = await prisma.$transaction(async (tx) => {
    const replaced = await tx.annotation.findMany({ where: { articleId: article.id, themeId: theme.id, coder: CONSENSUS, start: { lt: hi }, end: { gt: lo } } });
    await tx.annotation.deleteMany({ where: { id: { in: replaced.map((r) => r.id) } } });
    for (const r of replaced) {
      await recordEvent(tx, { articleId: article.id, annotationId: r.id, coder: CONSENSUS, who: a.annotator, action: "delete", before: { theme: a.theme, start: r.start, end: r.end, quote: r.quote, note: r.note }, after: null });
    }
    for (const c of chosen) {
      const note = `adjudicated: ${a.decision}${a.reason ? ` (${a.reason})` : ""}`;
      const row = await tx.annotation.create({ data: { articleId: article.id, themeId: theme.id, coder: CONSENSUS, start: c.start, end: c.end, quote: c.quote, words: countWords(c.quote), annotator: a.annotator, note } });
      await recordEvent(tx, { articleId: article.id, annotationId: row.id, coder: CONSENSUS, who: a.annotator, action: "create", before: null, after: { theme: a.theme, ...c, note } });
    }
    const rec = await tx.adjudication.create({
      data: {
        articleId: article.id,
        theme: a.theme,
        decision: a.decision,
        coderA: a.coderA,
        coderB: a.coderB,
        fromPassages: JSON.stringify(from),
        result: JSON.stringify(chosen),
        adjudicator: a.annotator,
        reason: a.reason ?? null,
        at: new Date().toISOString(),
      },
    });
    await refreshArticleStats(tx, article.id, CONSENSUS);
    return rec.id;
  });
  return { ok: true, value: { id, result: chosen } };
}
