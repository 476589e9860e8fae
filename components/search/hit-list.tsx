import Link from "next/link";
import { formatDate } from "@/lib/measure/dates";
import type { ThemeRef } from "@/lib/queries/analytics";
import type { SearchHit } from "@/lib/queries/search";
import { ThemeSwatch } from "../theme-swatch";

/** On a phone, a cell shown as a block says what it is ("Date: "), as the column head would. */
const CELL_LABEL = "max-sm:before:text-muted max-sm:before:content-[attr(data-label)]";

/** Keyword in context: one row per hit, with the passages' themes it falls in, or "untagged". */
export function HitList({ hits, total, themes, readerQuery }: { hits: SearchHit[]; total: number; themes: ThemeRef[]; readerQuery: string }) {
  const theme = (slug: string) => themes.find((t) => t.slug === slug);
  return (
    <section aria-labelledby="hits-title" className="space-y-2">
      <h2 id="hits-title" className="text-lg font-semibold">
        Hits in context
      </h2>
      {hits.length < total && (
        <p className="text-sm text-muted">
          The first {hits.length} of {total} hits; the CSV has all of them.
        </p>
      )}
      {/* On a phone each hit is a block (context, then article, date, source, themes, each named)
          instead of five squeezed columns with the last ones behind a sideways scroll. */}
      <div className="overflow-x-auto">
        <table className="w-full text-sm max-sm:block" data-testid="hit-list">
          <thead className="max-sm:sr-only">
            <tr className="border-b border-border text-left">
              <th scope="col" className="py-1 pr-3">Hit in context</th>
              <th scope="col" className="py-1 pr-3">Article</th>
              <th scope="col" className="py-1 pr-3">Date</th>
              <th scope="col" className="py-1 pr-3">Source</th>
              <th scope="col" className="py-1">Tagged as</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {hits.map((h) => (
              <tr key={`${h.articleSlug}-${h.start}`} className="border-b border-border align-top max-sm:block max-sm:py-2">
                <td className="py-1.5 pr-3 max-sm:block max-sm:pr-0">
                  <span className="text-muted">…{h.left}</span>
                  <mark className="rounded bg-yellow-200 px-0.5 text-black dark:bg-yellow-300">{h.match}</mark>
                  <span className="text-muted">{h.right}…</span>
                </td>
                <td className="py-1.5 pr-3 max-sm:block max-sm:py-0.5 max-sm:pr-0">
                  <Link href={`/articles/${h.articleSlug}${readerQuery ? `?${readerQuery}` : ""}`}>{h.articleTitle}</Link>
                </td>
                <td className={`whitespace-nowrap py-1.5 pr-3 max-sm:inline-block max-sm:py-0.5 ${CELL_LABEL}`} data-label="Date: ">
                  {formatDate(h.dateStart, h.datePrecision)}
                  {h.dateBasis === "inferred" && " (inferred)"}
                </td>
                <td className={`py-1.5 pr-3 max-sm:inline-block max-sm:py-0.5 ${CELL_LABEL}`} data-label="Source: ">
                  {h.sourceName}
                </td>
                <td className={`py-1.5 max-sm:block max-sm:py-0.5 ${CELL_LABEL}`} data-label="Tagged as: " data-testid="hit-themes">
                  {h.themes.length === 0 ? (
                    <span className="text-muted">untagged</span>
                  ) : (
                    h.themes.map((s) => (
                      <span key={s} className="mr-2 inline-flex items-center gap-1 whitespace-nowrap">
                        <ThemeSwatch colour={theme(s)?.colour ?? "currentColor"} />
                        {theme(s)?.name ?? s}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
