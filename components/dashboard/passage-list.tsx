import Link from "next/link";
import { formatDate } from "@/lib/measure/dates";
import type { PassageRow, ThemeRef } from "@/lib/queries/analytics";
import { ThemeSwatch } from "../theme-swatch";
import { FocusOnMount } from "./focus-on-mount";
import { filterQuery } from "@/lib/filters/travel";

/** The passages behind one point or bar: each quote in its theme's colour, with its article. */
export function PassageList({
  heading,
  total,
  passages,
  themes,
  closeHref,
  exportHref,
}: {
  heading: string;
  total: number;
  passages: PassageRow[];
  themes: ThemeRef[];
  closeHref: string;
  /** a CSV of exactly these passages, where there is one */
  exportHref?: string;
}) {
  // The reader opens in the view the passages were listed under (closeHref is that view), so its
  // links back keep it; ?passage= marks the passage in the server's HTML, the hash scrolls to it.
  const view = filterQuery(new URLSearchParams(closeHref.split("?")[1] ?? ""));
  const readerHref = (p: PassageRow) => `/articles/${p.articleSlug}?${view ? `${view}&` : ""}passage=${p.id}#passage-${p.id}`;
  const colour = new Map(themes.map((t) => [t.slug, t.colour]));
  const name = new Map(themes.map((t) => [t.slug, t.name]));
  return (
    <section id="passages" aria-labelledby="passages-title" className="scroll-mt-4 rounded-lg border-2 border-accent p-4">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <FocusOnMount id="passages-title" className="text-lg font-semibold">
            {heading}
          </FocusOnMount>
          <p className="text-sm text-muted">
            {total === 0
              ? "No passages behind this number."
              : total > passages.length
                ? `Showing the first ${passages.length} of ${total} passages.`
                : `${total} passage${total === 1 ? "" : "s"}.`}
          </p>
        </div>
        <div className="flex gap-2 text-sm">
          {exportHref && (
            <a href={exportHref} download className="rounded border border-border px-3 py-1.5 no-underline hover:bg-surface">
              Download passages CSV
            </a>
          )}
          <Link href={closeHref} scroll={false} className="rounded border border-border px-3 py-1.5 no-underline hover:bg-surface">
            Close
          </Link>
        </div>
      </div>
      <ol className="space-y-3">
        {passages.map((p) => (
          <li key={`${p.id}-${p.theme}`} className="rounded border border-border p-3" data-testid="passage">
            <blockquote className="text-sm leading-relaxed">
              <mark
                className="rounded-sm px-0.5 text-foreground"
                style={{ backgroundColor: `${colour.get(p.theme)}33`, boxShadow: `inset 0 -2px 0 ${colour.get(p.theme)}` }}
              >
                {p.quote}
              </mark>
            </blockquote>
            <p className="mt-2 text-xs text-muted">
              <span className="inline-flex items-center gap-1 font-medium text-foreground">
                <ThemeSwatch colour={colour.get(p.theme) ?? "#888"} />
                {name.get(p.theme)}
              </span>
              {" · "}
              <Link href={readerHref(p)}>{p.articleTitle}</Link>
              {" · "}
              {formatDate(p.dateStart, p.datePrecision)}
              {" · "}
              {p.sourceName}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
