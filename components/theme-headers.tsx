import { ThemeSwatch } from "./theme-swatch";

/** Column headers for one column per theme, each with its colour. */
export function ThemeHeaders({ themes, cellClassName }: { themes: { slug: string; name: string; colour: string }[]; cellClassName: string }) {
  return themes.map((t) => (
    <th key={t.slug} scope="col" className={`${cellClassName} text-right font-medium`}>
      <span className="inline-flex items-center gap-1.5">
        <ThemeSwatch colour={t.colour} />
        {t.name}
      </span>
    </th>
  ));
}
