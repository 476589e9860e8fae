/** A small square in a theme's colour, beside its name (decorative: the name is the label). */
export function ThemeSwatch({ colour }: { colour: string }) {
  return <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-sm" style={{ backgroundColor: colour }} />;
}
