// The second, blind coding of the seed corpus (seeds/codings/coder-b/) must load: every file
// parses, names a seed article, and every quote resolves to exactly one place in that article's
// cleaned body with known themes. The files are also in the canonical layout the export writes,
// so a later export of coder-b's passages diffs cleanly against them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { annotationsFile, resolveEntries, serializeAnnotations } from "@/lib/coding/annotation-file";
import { loadSeed } from "@/lib/corpus/seed";

const dir = path.join(process.cwd(), "seeds/codings/coder-b");

describe("seeds/codings/coder-b", () => {
  const seed = loadSeed(path.join(process.cwd(), "seeds"));
  if (!seed.ok) throw new Error(seed.errors.join("\n"));
  const { plan } = seed;
  const themes = plan.codebook.themes.map((t) => t.slug);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

  it("has one file per seed article, named after its slug", () => {
    expect(files).toEqual(plan.articles.map((a) => `${a.slug}.json`).sort());
  });

  for (const f of files) {
    it(`${f}: every quote resolves, annotator coder-b, canonical layout`, () => {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const parsed = annotationsFile.parse(JSON.parse(text));
      const article = plan.articles.find((a) => a.slug === parsed.article);
      expect(article, `article ${parsed.article}`).toBeDefined();
      expect(`${parsed.article}.json`).toBe(f);
      const { annotations, errors } = resolveEntries(parsed.annotations, article!.body, new Set(themes));
      expect(errors).toEqual([]);
      expect(annotations.length).toBeGreaterThan(0);
      expect(new Set(parsed.annotations.map((e) => e.annotator))).toEqual(new Set(["coder-b"]));
      for (const a of annotations) expect(article!.body.slice(a.start, a.end)).toBe(a.quote);
      expect(serializeAnnotations({ slug: article!.slug, body: article!.body, coder: parsed.coder, codingStatus: parsed.status ?? "uncoded" }, annotations, themes)).toBe(text);
    });
  }
});
