import "server-only";
// Answers to suggestions from the codebook. Accepting one tags the sentence through the ordinary
// tagging write (addPassage: snapping, totals, consensus, history) and records the decision in
// the same transaction; dismissing one records it, so it is not offered to that coder again.
// Only a suggestion the reader would offer can be answered: the sentence, theme and cue are
// checked against the article's text and the codebook (which cue matched is the server's to
// say), so the counts mean what they say.
import { prisma } from "../db/client";
import type { SuggestionDecisionInput } from "../coding/suggestion-schema";
import { suggestionsFor } from "../search/suggest";
import { DatabaseBusyError, withBusyRetry } from "../db/retry";
import { addPassage } from "./tagging";
import { fail, type WriteResult } from "./result";


export type DecisionResult = { decision: string; theme: string; coder: string; start: number; end: number; passageIds: number[] };

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";

export async function decideSuggestion(slug: string, d: SuggestionDecisionInput): Promise<WriteResult<DecisionResult>> {
  const coder = d.coder ?? d.annotator;
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, body: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  const theme = await prisma.theme.findUnique({ where: { slug: d.theme }, select: { slug: true, cues: true } });
  if (!theme) return fail(400, "theme", `unknown theme "${d.theme}"`);
  // The cues' matches, whatever is tagged: an answer must be to a sentence the cue really matches.
  const offered = suggestionsFor(article.body, [{ slug: theme.slug, cues: JSON.parse(theme.cues) as string[] }], []);
  const s = offered.find((x) => x.start === d.start && x.end === d.end);
  if (!s) return fail(400, "start", `no sentence at ${d.start}-${d.end} of this article matches a cue of "${d.theme}"`);
  const earlier = await prisma.suggestionDecision.findUnique({
    where: { articleId_theme_coder_start_end: { articleId: article.id, theme: theme.slug, coder, start: d.start, end: d.end } },
  });
  if (earlier) return fail(400, "decision", `this suggestion was already ${earlier.decision} in ${coder}'s coding`);
  const row = { articleId: article.id, theme: theme.slug, coder, start: d.start, end: d.end, cue: s.cue, decision: d.decision, who: d.annotator };
  const done = { decision: d.decision, theme: theme.slug, coder, start: d.start, end: d.end };
  try {
    if (d.decision === "dismissed") {
      await withBusyRetry("dismissing a suggestion", () => prisma.suggestionDecision.create({ data: { ...row, at: new Date().toISOString() } }));
      return { ok: true, value: { ...done, passageIds: [] } };
    }
    const added = await addPassage(slug, { start: d.start, end: d.end, themes: [theme.slug], annotator: d.annotator, coder }, async (tx) => {
      await tx.suggestionDecision.create({ data: { ...row, at: new Date().toISOString() } });
    });
    if (!added.ok) return added;
    return { ok: true, value: { ...done, passageIds: added.value.ids } };
  } catch (e) {
    // Two answers at once: the second finds the first's row (unique per sentence, theme and coder).
    if (isUniqueViolation(e)) return fail(400, "decision", `this suggestion was already answered in ${coder}'s coding`);
    if (e instanceof DatabaseBusyError) return fail(503, "database", e.message);
    throw e;
  }
}
