// The seed corpus as two codings for agreement: coder A is seeds/codings/seed-editor/ (the first coding),
// coder B is seeds/codings/coder-b/ (the second, blind coding). Every quote is resolved against the
// cleaned body exactly as the seed resolves its own files; any problem is thrown, all at once.
// Either side can be another directory of annotation files: the adjudicated consensus
// (seeds/consensus/) is compared with each coder this way.
import fs from "node:fs";
import path from "node:path";
import { annotationsFile, resolveEntries } from "../lib/coding/annotation-file";
import { loadSeed } from "../lib/corpus/seed";
import type { PairArticle } from "../lib/measure/agreement";
import { sentenceSpans } from "../lib/measure/sentences";
import { wordSpans } from "../lib/measure/words";

export type SeedPair = { themes: string[]; articles: (PairArticle & { body: string })[] };

/**
 * Articles coded on both sides: A is the seed's own annotations unless `coderADir` names another
 * directory of annotation files; B is `coderBDir`. Articles without a file in a directory are left out.
 */
export function loadSeedPair(
  seedDir = "seeds",
  coderBDir = path.join(seedDir, "codings", "coder-b"),
  coderADir: string = path.join(seedDir, "codings", "seed-editor"),
): SeedPair {
  const seed = loadSeed(seedDir);
  if (!seed.ok) throw new Error(seed.errors.join("\n"));
  const themes = seed.plan.codebook.themes.map((t) => t.slug);
  const errors: string[] = [];
  const span = (p: { start: number; end: number; theme: string }) => ({ start: p.start, end: p.end, theme: p.theme });
  const read = (codingDir: string, art: { slug: string; body: string }) => {
    const file = path.join(codingDir, `${art.slug}.json`);
    if (!fs.existsSync(file)) return null;
    const parsed = annotationsFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) {
      errors.push(`${file}: ${parsed.error.message}`);
      return null;
    }
    const r = resolveEntries(parsed.data.annotations, art.body, new Set(themes));
    errors.push(...r.errors.map((e) => `${file}: ${e}`));
    return r.annotations.map(span);
  };
  const articles = seed.plan.articles.flatMap((art) => {
    const b = read(coderBDir, art);
    const a = read(coderADir, art);
    if (!a || !b) return [];
    return [{ article: art.slug, body: art.body, words: wordSpans(art.body), sentences: sentenceSpans(art.body), a, b }];
  });
  if (errors.length) throw new Error(errors.join("\n"));
  return { themes, articles };
}

/** The seed pair as raw data for tests/fixtures/agreement/compute.py (spans as [start, end(, theme)]). */
export function seedPairFixture(pair: SeedPair): string {
  const fixture = {
    kind: "seed-corpus",
    source: "the seed corpus: coder A = seeds/codings/seed-editor, coder B = seeds/codings/coder-b; regenerate with npm run agreement -- --write-fixture",
    themes: pair.themes,
    articles: pair.articles.map((x) => ({
      article: x.article,
      words: x.words.map((w) => [w.start, w.end]),
      sentences: x.sentences.map((s) => [s.start, s.end]),
      a: x.a.map((p) => [p.start, p.end, p.theme]),
      b: x.b.map((p) => [p.start, p.end, p.theme]),
    })),
  };
  // one article field per line keeps the file diffable without a line per number
  return `${JSON.stringify(fixture)
    .replace(/,"articles":\[/, ',\n"articles":[\n')
    .replace(/\},\{"article"/g, '},\n{"article"')}\n`;
}
