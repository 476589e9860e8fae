// The `pair` page parameter of the co-occurrence view: two theme slugs, "a:b".
import type { ParamIssue } from "./schema";

export function parsePair(raw: string | string[] | undefined, themes: readonly string[]): { a: string; b: string } | ParamIssue | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (Array.isArray(raw)) return raw.length > 1 ? { parameter: "pair", message: "may be given only once" } : parsePair(raw[0], themes);
  const m = /^([a-z0-9-]+):([a-z0-9-]+)$/.exec(raw);
  if (!m) return { parameter: "pair", message: 'must be two theme slugs joined by ":", e.g. innovation:reform' };
  for (const t of [m[1], m[2]]) if (!themes.includes(t)) return { parameter: "pair", message: `unknown theme "${t}"` };
  return { a: m[1], b: m[2] };
}
