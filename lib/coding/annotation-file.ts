// The annotation file format of seeds/annotations/<slug>.json, both ways: reading entries
// into passages with offsets (from the quote, never typed by hand), and writing an article's
// passages back out. Writing is canonical (entries in text order, one entry per span with its
// themes in codebook order, one entry per line), so a file that was read and written unchanged is
// byte-identical and a diff shows only real changes.
import { z } from "zod";
import { CODING_STATUSES, type CodingStatus } from "./status";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");

export const annotationsFile = z.strictObject({
  article: slug,
  /** Whose coding: a coder's name, or "consensus" */
  coder: z.string().min(1).optional(),
  /** Where the coding of this article stands; only coded and reviewed articles count in the charts */
  status: z.enum(CODING_STATUSES).optional(),
  annotations: z.array(
    z.strictObject({
      themes: z.array(slug).min(1, "name at least one theme"),
      quote: z.string().min(1),
      /** 1-based: which occurrence of the quote in the body, when it occurs more than once */
      occurrence: z.number().int().min(1).optional(),
      annotator: z.string().min(1),
      note: z.string().min(1).optional(),
    }),
  ),
});

export type AnnotationsFile = z.infer<typeof annotationsFile>;

export type ResolvedAnnotation = {
  theme: string;
  start: number;
  end: number;
  quote: string;
  annotator: string;
  note: string | null;
};

/** Index of the n-th (1-based) occurrence of `quote` in `body`, or -1. */
export function nthIndexOf(body: string, quote: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = body.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function countOccurrences(body: string, quote: string, before = Infinity): number {
  let n = 0;
  for (let at = body.indexOf(quote); at >= 0 && at < before; at = body.indexOf(quote, at + 1)) n++;
  return n;
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Passages of a parsed annotation file, or one `entry: reason` message per problem. */
export function resolveEntries(
  entries: AnnotationsFile["annotations"],
  body: string,
  knownThemes: ReadonlySet<string> | null,
): { annotations: ResolvedAnnotation[]; errors: string[] } {
  const errors: string[] = [];
  const annotations: ResolvedAnnotation[] = [];
  const seen = new Set<string>();
  entries.forEach((a, i) => {
    const at = `annotations[${i}]`;
    a.themes.forEach((t, j) => {
      if (knownThemes && !knownThemes.has(t)) errors.push(`${at}: themes[${j}]: unknown theme "${t}"`);
    });
    const count = countOccurrences(body, a.quote);
    if (count === 0) return void errors.push(`${at}: quote not found in the article's cleaned body: "${clip(a.quote)}"`);
    if (count > 1 && a.occurrence === undefined)
      return void errors.push(`${at}: quote occurs ${count} times in the body; add "occurrence" (1 to ${count}): "${clip(a.quote)}"`);
    const n = a.occurrence ?? 1;
    if (n > count) return void errors.push(`${at}: occurrence ${n} asked for, but the quote occurs ${count} time(s)`);
    const start = nthIndexOf(body, a.quote, n);
    for (const theme of new Set(a.themes)) {
      const k = `${theme}:${start}:${a.quote.length}`;
      if (seen.has(k)) errors.push(`${at}: the same passage is already tagged "${theme}"`);
      seen.add(k);
      annotations.push({ theme, start, end: start + a.quote.length, quote: a.quote, annotator: a.annotator, note: a.note ?? null });
    }
  });
  annotations.sort((x, y) => x.start - y.start || x.end - y.end || x.theme.localeCompare(y.theme));
  return { annotations, errors };
}

/** An article's passages in the seed file format, as text. */
export function serializeAnnotations(
  article: { slug: string; body: string; codingStatus: CodingStatus; coder?: string },
  annotations: readonly ResolvedAnnotation[],
  themeOrder: readonly string[],
): string {
  const rank = (t: string) => {
    const i = themeOrder.indexOf(t);
    return i < 0 ? themeOrder.length : i;
  };
  const groups = new Map<string, { a: ResolvedAnnotation; themes: string[] }>();
  // Ties (one span, several entries) in codebook order, then by note, so the layout is one and only one.
  for (const a of [...annotations].sort((x, y) => x.start - y.start || x.end - y.end || rank(x.theme) - rank(y.theme) || (x.note ?? "").localeCompare(y.note ?? ""))) {
    const k = JSON.stringify([a.start, a.end, a.annotator, a.note]);
    const g = groups.get(k);
    if (g) g.themes.push(a.theme);
    else groups.set(k, { a, themes: [a.theme] });
  }
  const entries = [...groups.values()].map(({ a, themes }) => {
    const total = countOccurrences(article.body, a.quote);
    return {
      themes: [...new Set(themes)].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y)),
      quote: a.quote,
      ...(total > 1 ? { occurrence: countOccurrences(article.body, a.quote, a.start) + 1 } : {}),
      annotator: a.annotator,
      ...(a.note ? { note: a.note } : {}),
    };
  });
  // One passage per line, so a diff of a reviewed file shows exactly the passages that changed.
  const line = (e: Record<string, unknown>) =>
    `{ ${Object.entries(e)
      .map(([k, v]) => `${JSON.stringify(k)}: ${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v)}`)
      .join(", ")} }`;
  const body = entries.length ? `[\n${entries.map((e) => `    ${line(e)}`).join(",\n")}\n  ]` : "[]";
  const coder = article.coder ? `\n  "coder": ${JSON.stringify(article.coder)},` : "";
  return `{\n  "article": ${JSON.stringify(article.slug)},${coder}\n  "status": ${JSON.stringify(article.codingStatus)},\n  "annotations": ${body}\n}\n`;
}
