import "server-only";
// Reads behind the suggestions from the codebook: what an article's reader offers, and how
// many suggestions each coder accepted and dismissed, per theme.
import { prisma } from "../db/client";
import { CONSENSUS } from "../coding/status";
import { suggestionsFor, type Suggestion } from "../search/suggest";

export type OfferedSuggestion = Suggestion & {
  /** coders who already answered this sentence for this theme: it is not offered to them again */
  decidedBy: string[];
};

/**
 * The article's untagged sentences that match a theme's cues, measured against `coder`'s
 * passages (the coding in view), each with the coders who already answered it. Null: no such article.
 */
export async function getSuggestions(slug: string, coder: string = CONSENSUS): Promise<OfferedSuggestion[] | null> {
  const article = await prisma.article.findUnique({
    where: { slug },
    select: {
      body: true,
      annotations: { where: { coder }, select: { start: true, end: true, theme: { select: { slug: true } } } },
      suggestionDecisions: { select: { theme: true, coder: true, start: true, end: true } },
    },
  });
  if (!article) return null;
  const themes = await prisma.theme.findMany({ orderBy: { order: "asc" }, select: { slug: true, cues: true } });
  const list = suggestionsFor(
    article.body,
    themes.map((t) => ({ slug: t.slug, cues: JSON.parse(t.cues) as string[] })),
    article.annotations.map((p) => ({ theme: p.theme.slug, start: p.start, end: p.end })),
  );
  return list.map((s) => ({
    ...s,
    decidedBy: article.suggestionDecisions.filter((d) => d.theme === s.theme && d.start === s.start && d.end === s.end).map((d) => d.coder),
  }));
}

export type SuggestionCount = { theme: string; coder: string; accepted: number; dismissed: number };

/** Accepted and dismissed suggestions per theme and coder (codebook order, then coder). */
export async function getSuggestionCounts(): Promise<SuggestionCount[]> {
  const [rows, themes] = await Promise.all([
    prisma.suggestionDecision.groupBy({ by: ["theme", "coder", "decision"], _count: { _all: true } }),
    prisma.theme.findMany({ orderBy: { order: "asc" }, select: { slug: true } }),
  ]);
  const order = new Map(themes.map((t, i) => [t.slug, i]));
  const counts = new Map<string, SuggestionCount>();
  for (const r of rows) {
    const key = `${r.theme}\u0000${r.coder}`;
    const c = counts.get(key) ?? { theme: r.theme, coder: r.coder, accepted: 0, dismissed: 0 };
    if (r.decision === "accepted") c.accepted += r._count._all;
    else c.dismissed += r._count._all;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => (order.get(a.theme) ?? 1e9) - (order.get(b.theme) ?? 1e9) || a.coder.localeCompare(b.coder));
}
