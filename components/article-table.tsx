import Link from "next/link";
import { formatDate } from "@/lib/measure/dates";
import { CodingStatusBadge } from "./coding-status-badge";
import type { ArticleListItem, ThemeInfo } from "@/lib/queries/articles";
import { ThemeHeaders } from "./theme-headers";

const PRECISION_HINT: Record<string, string> = {
  day: "",
  month: "known to the month",
  year: "known to the year",
  unknown: "",
};

/** The articles in view with date (and how precise it is), organizations, words and passages per theme. */
export function ArticleTable({ articles, themes, view = "" }: { articles: ArticleListItem[]; themes: ThemeInfo[]; /** the view's query, carried into the reader */ view?: string }) {
  if (articles.length === 0) {
    return <p className="rounded border border-border bg-surface p-4 text-sm text-muted">No articles match these filters.</p>;
  }
  return (
    <>
      {/* On a narrow screen the table scrolls sideways; say so, since a scrollbar may not show. */}
      <p className="mb-1 text-xs text-muted md:hidden" data-testid="scroll-cue">
        Scroll the table sideways for date, source, words and themes →
      </p>
      <div className="overflow-x-auto rounded border border-border">
        <table className="w-full min-w-[48rem] border-collapse text-sm">
          <caption className="sr-only">Articles with passages per theme</caption>
          <thead className="bg-surface text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Article</th>
              <th scope="col" className="px-3 py-2 font-medium">Coding</th>
              <th scope="col" className="px-3 py-2 font-medium">Date</th>
              <th scope="col" className="px-3 py-2 font-medium">Source</th>
              <th scope="col" className="px-3 py-2 font-medium">Publisher</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Words</th>
              <ThemeHeaders themes={themes} cellClassName="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.slug} className="border-t border-border align-top">
                <td className="max-w-md px-3 py-2">
                  <Link href={`/articles/${a.slug}${view ? `?${view}` : ""}`}>{a.title}</Link>
                </td>
                <td className="px-3 py-2">
                  <CodingStatusBadge status={a.codingStatus} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {a.datePrecision === "unknown" ? (
                    <span className="text-muted">date unknown</span>
                  ) : (
                    <>
                      <time dateTime={a.dateStart ?? undefined}>{formatDate(a.dateStart, a.datePrecision)}</time>
                      {PRECISION_HINT[a.datePrecision] && <span className="block text-xs text-muted">{PRECISION_HINT[a.datePrecision]}</span>}
                      {a.dateBasis === "inferred" && <span className="block text-xs text-muted" data-testid="date-inferred">inferred by an editor</span>}
                    </>
                  )}
                </td>
                <td className="px-3 py-2">{a.source.name}</td>
                <td className="px-3 py-2">{a.publisher?.name ?? <span className="text-muted">unknown</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{a.wordCount.toLocaleString("en")}</td>
                {themes.map((t) => (
                  <td key={t.slug} className="px-3 py-2 text-right tabular-nums">
                    {a.themes[t.slug]?.passages ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
