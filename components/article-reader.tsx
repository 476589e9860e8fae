import { Suspense } from "react";
import { highlightRuns } from "@/lib/coding/highlight";
import { ReaderTarget } from "./reader-target";
import type { ArticleDetail, ThemeInfo } from "@/lib/queries/articles";

/**
 * The article's text with every passage highlighted; overlapping passages stack their colours.
 * `target` (from `?passage=`) is outlined in the server's HTML; ReaderTarget keeps the outline
 * on whatever passage the URL names after in-app navigation too.
 */
export function ArticleReader({ article, themes, editable = false, target = null }: { article: ArticleDetail; themes: ThemeInfo[]; editable?: boolean; target?: number | null }) {
  const byTheme = new Map(themes.map((t) => [t.slug, t]));
  const paragraphs = highlightRuns(article.body, article.annotations);
  return (
    <div className="space-y-4 text-base leading-8" data-testid="article-body" id="article-body">
      <Suspense fallback={null}>
        <ReaderTarget bodyId="article-body" />
      </Suspense>
      {paragraphs.map((runs, i) => (
        <p key={i}>
          {runs.map((r) => {
            if (!r.marks.length)
              return (
                <span key={r.start} data-start={r.start}>
                  {r.text}
                </span>
              );
            const colours = [...new Set(r.marks.map((m) => byTheme.get(m.theme)?.colour ?? "#888"))];
            const names = [...new Set(r.marks.map((m) => byTheme.get(m.theme)?.name ?? m.theme))];
            // One underline per theme, stacked, over a tint of the first theme's colour.
            const shadow = colours.map((c, k) => `inset 0 -${3 * (k + 1)}px 0 ${c}`).join(", ");
            return (
              <mark
                key={r.start}
                id={r.startsPassages.length ? `passage-${r.startsPassages[0]}` : undefined}
                title={names.join(", ")}
                data-themes={[...new Set(r.marks.map((m) => m.theme))].join(" ")}
                data-start={r.start}
                data-ids={r.marks.map((m) => m.id).join(" ")}
                data-target={target !== null && r.marks.some((m) => m.id === target) ? "" : undefined}
                tabIndex={editable ? 0 : undefined}
                className={`scroll-mt-24 rounded-sm text-foreground ${editable ? "cursor-pointer" : ""} target:outline-2 target:outline-accent data-[target]:outline-2 data-[target]:outline-offset-2 data-[target]:outline-accent`}
                style={{ backgroundColor: `${colours[0]}26`, boxShadow: shadow, paddingBottom: `${3 * (colours.length - 1)}px` }}
              >
                {r.startsPassages.slice(1).map((id) => (
                  <span key={id} id={`passage-${id}`} />
                ))}
                {r.text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}
