import type { ThemeRef } from "@/lib/queries/analytics";
import { ThemeLegend } from "../theme-legend";

/** A chart with its title, what it counts, a CSV download of exactly its numbers and its data table. */
export function ChartCard({
  id,
  title,
  description,
  csvHref,
  csvLabel,
  imageHrefs,
  note,
  table,
  themes,
  children,
}: {
  themes: ThemeRef[];
  id: string;
  title: string;
  description: React.ReactNode;
  csvHref: string;
  csvLabel: string;
  /** the chart as an image drawn on the server (same parameters as the CSV) */
  imageHrefs?: { svg: string; png: string };
  note?: React.ReactNode;
  table: React.ReactNode;
  children: React.ReactNode;
}) {
  // content-visibility: the browser skips style, layout and paint of a card while it is off screen
  // (on a phone both cards are below the filters), keeping its last size (or 44rem) as a placeholder.
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-border p-4 [content-visibility:auto] [contain-intrinsic-size:auto_44rem]">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-muted">{description}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href={csvHref}
            download
            className="rounded border border-border px-3 py-1.5 text-sm no-underline hover:bg-surface"
            aria-label={csvLabel}
          >
            Download CSV
          </a>
          {imageHrefs && (
            <>
              <a href={imageHrefs.svg} download className="rounded border border-border px-3 py-1.5 text-sm no-underline hover:bg-surface" aria-label={`${title} as SVG`}>
                SVG
              </a>
              <a href={imageHrefs.png} download className="rounded border border-border px-3 py-1.5 text-sm no-underline hover:bg-surface" aria-label={`${title} as PNG`}>
                PNG
              </a>
            </>
          )}
        </div>
      </div>
      <ThemeLegend themes={themes} />
      {children}
      {note && <div className="mt-2 text-sm text-muted">{note}</div>}
      <details className="group mt-3">
        <summary className="cursor-pointer text-sm text-accent">
          <span className="group-open:hidden">Show data table</span>
          <span className="hidden group-open:inline">Hide data table</span>
        </summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}
