import type { ThemeRef } from "@/lib/queries/analytics";
import { ThemeSwatch } from "./theme-swatch";

/** The key to a chart's colours, in codebook order. */
export function ThemeLegend({ themes }: { themes: ThemeRef[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
      {themes.map((t) => (
        <li key={t.slug} className="inline-flex items-center gap-1.5">
          <ThemeSwatch colour={t.colour} />
          {t.name}
        </li>
      ))}
    </ul>
  );
}
