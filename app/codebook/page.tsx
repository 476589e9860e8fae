import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ThemeSwatch } from "@/components/theme-swatch";
import { getCodebook } from "@/lib/queries/articles";
import { getSuggestionCounts } from "@/lib/queries/suggestions";
import { cueQueries } from "@/lib/search/cues";

export const metadata: Metadata = { title: "Codebook" };

export default async function CodebookPage() {
  await connection();
  const [codebook, counts] = await Promise.all([getCodebook(), getSuggestionCounts()]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Codebook</h1>
        <p className="text-sm text-muted">
          Version <strong data-testid="codebook-version">{codebook.version}</strong>. A passage is a sentence or a clause that
          expresses a theme; one passage may carry several themes. Tag what the text asserts, calls for or reports as policy,
          not a word that merely appears.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {codebook.themes.map((t) => (
          <section key={t.slug} aria-labelledby={`theme-${t.slug}`} className="rounded-lg border border-border p-4" style={{ borderTop: `4px solid ${t.colour}` }}>
            <h2 id={`theme-${t.slug}`} className="flex items-center gap-2 text-lg font-semibold">
              <ThemeSwatch colour={t.colour} />
              {t.name}
            </h2>
            <p className="mt-1 text-sm text-muted" data-testid={`counts-${t.slug}`}>
              {t.passages.toLocaleString("en")} passages in {t.articles.toLocaleString("en")} of {codebook.totalArticles.toLocaleString("en")} articles · {t.taggedWords.toLocaleString("en")} tagged words
            </p>
            <SuggestionTally theme={t.slug} counts={counts.filter((c) => c.theme === t.slug)} />
            <p className="mt-3 text-sm">{t.definition}</p>
            <h3 className="mt-3 text-sm font-semibold">Include when the passage is about</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {t.cues.map((c) => <li key={c}>{c}</li>)}
            </ul>
            <details className="mt-2 text-xs">
              <summary className="cursor-pointer text-muted">The cues as search queries (for suggestions in the reader)</summary>
              <ul className="mt-1 space-y-0.5" data-testid={`cue-queries-${t.slug}`}>
                {[...new Map(t.cues.flatMap((c) => cueQueries(c)).map((q) => [q.query, q])).values()].map((q) => (
                  <li key={q.query}>
                    <Link href={`/search?q=${encodeURIComponent(q.query)}`} title={`search: ${q.query}`}>{q.phrase}</Link>
                  </li>
                ))}
              </ul>
            </details>
            {t.boundaries.length > 0 && (
              <>
                <h3 className="mt-3 text-sm font-semibold">Does not count</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                  {t.boundaries.map((b) => <li key={b}>{b}</li>)}
                </ul>
              </>
            )}
            {t.examples.length > 0 && (
              <>
                <h3 className="mt-3 text-sm font-semibold">Examples from the corpus</h3>
                <ul className="mt-1 space-y-2 text-sm">
                  {t.examples.map((e) => (
                    <li key={e.id} className="border-l-4 pl-3" style={{ borderColor: t.colour }}>
                      “{e.quote}”{" "}
                      <Link href={`/articles/${e.articleSlug}#passage-${e.id}`} className="whitespace-nowrap text-xs">
                        in context
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

/** "accepted 12 of 30 suggestions answered", with each coder's share when several answered. */
function SuggestionTally({ theme, counts }: { theme: string; counts: { coder: string; accepted: number; dismissed: number }[] }) {
  const accepted = counts.reduce((n, c) => n + c.accepted, 0);
  const answered = counts.reduce((n, c) => n + c.accepted + c.dismissed, 0);
  return (
    <p className="mt-1 text-sm text-muted" data-testid={`suggestions-${theme}`}>
      {answered === 0
        ? "No suggestions from the cues answered yet."
        : `Suggestions from the cues: accepted ${accepted} of ${answered} answered (${answered - accepted} dismissed)`}
      {counts.length > 1 && ` · ${counts.map((c) => `${c.coder} ${c.accepted} of ${c.accepted + c.dismissed}`).join(", ")}`}
      {counts.length === 1 && answered > 0 && ` · by ${counts[0].coder}`}
    </p>
  );
}
