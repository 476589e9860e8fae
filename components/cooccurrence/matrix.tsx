import Link from "next/link";
import type { Cooccurrence } from "@/lib/queries/cooccurrence";
import { ThemeSwatch } from "../theme-swatch";

/**
 * The theme x theme table: each cell gives the passages tagged with both themes and the
 * articles with both; the diagonal is the theme's own totals. Every cell opens its passages.
 */
export function CooccurrenceMatrix({ data, pairHref }: { data: Cooccurrence; pairHref: (a: string, b: string) => string }) {
  const cell = (a: string, b: string) => data.cells.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
  return (
    <>
      {/* Outside the scrolling box, so it wraps on a phone instead of running off with the table. */}
      <p className="mb-2 text-sm text-muted" aria-hidden>
        Passages tagged with both themes · articles with both
      </p>
      {data.themes.length > 2 && (
        <p className="mb-1 text-xs text-muted sm:hidden" data-testid="scroll-cue">
          Scroll the table sideways for every theme →
        </p>
      )}
      <div className="overflow-x-auto">
      <table className="text-sm" data-testid="cooccurrence-matrix">
        <caption className="sr-only">Passages tagged with both themes · articles with both</caption>
        <thead>
          <tr>
            <td />
            {data.themes.map((t) => (
              <th key={t.slug} scope="col" className="px-3 py-1 text-left max-sm:px-1.5">
                <span className="inline-flex items-center gap-1">
                  <ThemeSwatch colour={t.colour} />
                  {t.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.themes.map((ta) => (
            <tr key={ta.slug} className="border-t border-border">
              <th scope="row" className="px-3 py-1 text-left max-sm:px-1.5">
                <span className="inline-flex items-center gap-1">
                  <ThemeSwatch colour={ta.colour} />
                  {ta.name}
                </span>
              </th>
              {data.themes.map((tb) => {
                const c = cell(ta.slug, tb.slug);
                const diagonal = ta.slug === tb.slug;
                return (
                  <td key={tb.slug} className={`px-3 py-1 tabular-nums max-sm:px-1.5 ${diagonal ? "bg-surface font-semibold" : ""}`} data-testid={`cell-${ta.slug}-${tb.slug}`}>
                    {c && c.passages > 0 ? (
                      <Link href={pairHref(ta.slug, tb.slug)} scroll={false} aria-label={`${c.passages} passages, ${c.articles} articles: ${ta.name} and ${tb.name}`}>
                        {c.passages} · {c.articles}
                      </Link>
                    ) : (
                      <span className="text-muted">0 · {c?.articles ?? 0}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}
