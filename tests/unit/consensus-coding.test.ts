// The adjudicated consensus coding of the seed corpus (seeds/consensus/): one file per seed article,
// every quote resolving in the cleaned body, annotator "adjudicator", canonical layout. The decision
// log (seeds/consensus/decisions.json) is checked against both codings: each decision's `a` and `b`
// are exactly the two coders' passages where they differ, its `decision` says what `result` is,
// and the consensus is exactly the passages the coders agree on plus the decisions' results.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { annotationsFile, nthIndexOf, resolveEntries, serializeAnnotations, type ResolvedAnnotation } from "@/lib/coding/annotation-file";
import { loadSeed } from "@/lib/corpus/seed";
import { pairAgreement } from "@/lib/measure/agreement";
import { loadSeedPair } from "@/scripts/seed-codings";

const root = process.cwd();
const dir = path.join(root, "seeds/consensus");

const passage = z.strictObject({ quote: z.string().min(1), occurrence: z.number().int().min(1).optional() });
const decisionsFile = z.strictObject({
  adjudicator: z.literal("adjudicator"),
  /** the day the decisions were taken (who and when, for the recorded adjudication) */
  decidedOn: z.iso.date(),
  a: z.strictObject({ annotator: z.string(), dir: z.string() }),
  b: z.strictObject({ annotator: z.string(), dir: z.string() }),
  codebookVersion: z.string(),
  decisions: z.array(
    z.strictObject({
      article: z.string(),
      theme: z.string(),
      decision: z.enum(["a", "b", "both", "neither", "edit"]),
      a: z.array(passage),
      b: z.array(passage),
      result: z.array(passage),
      reason: z.string().min(10),
    }),
  ),
});

type Span = { start: number; end: number };
const key = (s: Span) => `${s.start}-${s.end}`;
const keys = (ss: readonly Span[]) => ss.map(key).sort();

describe("seeds/consensus", () => {
  const seed = loadSeed(path.join(root, "seeds"));
  if (!seed.ok) throw new Error(seed.errors.join("\n"));
  const { plan } = seed;
  const themes = plan.codebook.themes.map((t) => t.slug);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "decisions.json").sort();
  const log = decisionsFile.parse(JSON.parse(fs.readFileSync(path.join(dir, "decisions.json"), "utf8")));

  const read = (d: string, slug: string): ResolvedAnnotation[] => {
    const art = plan.articles.find((a) => a.slug === slug)!;
    const parsed = annotationsFile.parse(JSON.parse(fs.readFileSync(path.join(root, d, `${slug}.json`), "utf8")));
    const { annotations, errors } = resolveEntries(parsed.annotations, art.body, new Set(themes));
    expect(errors).toEqual([]);
    return annotations;
  };
  const spanOf = (body: string, p: z.infer<typeof passage>): Span => {
    const start = nthIndexOf(body, p.quote, p.occurrence ?? 1);
    expect(start, `quote resolves: ${p.quote.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
    if (p.occurrence === undefined) expect(body.indexOf(p.quote, start + 1), `quote is unique: ${p.quote.slice(0, 60)}`).toBe(-1);
    return { start, end: start + p.quote.length };
  };

  it("has one file per seed article, named after its slug", () => {
    expect(files).toEqual(plan.articles.map((a) => `${a.slug}.json`).sort());
  });

  for (const f of files) {
    it(`${f}: every quote resolves, annotator adjudicator, status coded, canonical layout`, () => {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const parsed = annotationsFile.parse(JSON.parse(text));
      const article = plan.articles.find((a) => a.slug === parsed.article);
      expect(article, `article ${parsed.article}`).toBeDefined();
      expect(`${parsed.article}.json`).toBe(f);
      expect(parsed.status).toBe("coded");
      const { annotations, errors } = resolveEntries(parsed.annotations, article!.body, new Set(themes));
      expect(errors).toEqual([]);
      expect(annotations.length).toBeGreaterThan(0);
      expect(new Set(parsed.annotations.map((e) => e.annotator))).toEqual(new Set(["adjudicator"]));
      for (const e of parsed.annotations) expect(e.note, `every consensus passage says its decision: ${e.quote.slice(0, 40)}`).toBeTruthy();
      for (const a of annotations) expect(article!.body.slice(a.start, a.end)).toBe(a.quote);
      expect(serializeAnnotations({ slug: article!.slug, body: article!.body, coder: "consensus", codingStatus: "coded" }, annotations, themes)).toBe(text);
    });
  }

  it("the decision log names the current codebook version and the two coders' directories", () => {
    expect(log.codebookVersion).toBe(plan.codebook.version);
    expect(log.a).toEqual({ annotator: "seed-editor", dir: "seeds/codings/seed-editor" });
    expect(log.b).toEqual({ annotator: "coder-b", dir: "seeds/codings/coder-b" });
  });

  it("each decision's kind matches its result", () => {
    for (const d of log.decisions) {
      const r = d.result.length;
      const same = (x: typeof d.a, y: typeof d.a) => JSON.stringify(x) === JSON.stringify(y);
      const where = `${d.article} ${d.theme} ${d.decision}`;
      if (d.decision === "a") expect(same(d.result, d.a) && d.a.length > 0, where).toBe(true);
      if (d.decision === "b") expect(same(d.result, d.b) && d.b.length > 0, where).toBe(true);
      if (d.decision === "neither") expect(r, where).toBe(0);
      if (d.decision === "edit") expect(!same(d.result, d.a) && !same(d.result, d.b) && r > 0, where).toBe(true);
      if (d.decision === "both") expect(d.a.length > 0 && d.b.length > 0, where).toBe(true);
      expect(same(d.a, d.b), `${where}: a decision is only logged where the coders differ`).toBe(false);
    }
  });

  for (const art of plan.articles) {
    it(`${art.slug}: the consensus is the agreed passages plus the decisions' results, and every difference has one decision`, () => {
      const a = read("seeds/codings/seed-editor", art.slug);
      const b = read("seeds/codings/coder-b", art.slug);
      const c = read("seeds/consensus", art.slug);
      const mine = log.decisions.filter((d) => d.article === art.slug);
      for (const t of themes) {
        const at = a.filter((p) => p.theme === t);
        const bt = b.filter((p) => p.theme === t);
        const ds = mine.filter((d) => d.theme === t);
        const inA = new Set(keys(at));
        const inB = new Set(keys(bt));
        const logged = ds.flatMap((d) => [...d.a.map((p) => ({ who: "a", k: key(spanOf(art.body, p)) })), ...d.b.map((p) => ({ who: "b", k: key(spanOf(art.body, p)) }))]);
        // the a/b passages of the log are the coders' own passages, none in two decisions...
        for (const l of logged) expect((l.who === "a" ? inA : inB).has(l.k), `${t}: ${l.who} passage ${l.k} is the coder's`).toBe(true);
        expect(new Set(logged.map((l) => `${l.who}:${l.k}`)).size, `${t}: no passage in two decisions`).toBe(logged.length);
        // ...every passage one coder has and the other lacks is in a decision...
        const inLog = new Set(logged.map((l) => `${l.who}:${l.k}`));
        for (const k of inA) if (!inB.has(k)) expect(inLog.has(`a:${k}`), `${t}: A-only passage ${k} has a decision`).toBe(true);
        for (const k of inB) if (!inA.has(k)) expect(inLog.has(`b:${k}`), `${t}: B-only passage ${k} has a decision`).toBe(true);
        // ...and the consensus is the passages both coders have outside any decision, plus the results
        const agreed = keys(at).filter((k) => inB.has(k) && !inLog.has(`a:${k}`));
        const results = ds.flatMap((d) => d.result.map((p) => key(spanOf(art.body, p))));
        expect(keys(c.filter((p) => p.theme === t)), `${t}: consensus = agreed + results`).toEqual([...agreed, ...results].sort());
      }
    });
  }

  it("the log holds the 64 disagreements of the report, decided as it says", () => {
    const count = (pred: (d: (typeof log.decisions)[number]) => boolean) => log.decisions.filter(pred).length;
    expect(log.decisions.length).toBe(64);
    expect(count((d) => d.decision === "a")).toBe(39);
    expect(count((d) => d.decision === "b")).toBe(17);
    expect(count((d) => d.decision === "neither")).toBe(5);
    expect(count((d) => d.decision === "edit")).toBe(3);
    expect(count((d) => d.decision === "both")).toBe(0);
  });

  // Each coder against the consensus, as tests/fixtures/agreement/compute.py (exact fractions, an
  // independent implementation) computed it from seedPairFixture of these two pairs on 2026-12-01:
  // [theme, alpha_word, kappa_sentence, percent_agreement]; 6380 word and 173 sentence units a theme.
  const independent: Record<"a" | "b", [string | null, number, number, number][]> = {
    a: [
      ["innovation", 0.9990583679750941, 1.0, 100.0],
      ["supply-chain-security", 0.9679411989301389, 0.8512467755803955, 98.84393063583815],
      ["party-building", 0.9858743002035039, 1.0, 100.0],
      ["reform", 0.9261773475265866, 0.9404557031734012, 97.10982658959537],
      [null, 0.9648398130524484, 0.9665571235260004, 98.98843930635839],
    ],
    b: [
      ["innovation", 0.974055806078385, 1.0, 100.0],
      ["supply-chain-security", 0.9629623178813714, 0.9061313076505697, 99.42196531791907],
      ["party-building", 0.9173225108451679, 0.8878807517822424, 96.53179190751445],
      ["reform", 0.8576019044693596, 0.8637502684900121, 93.64161849710983],
      [null, 0.9150411545822146, 0.9069016547827257, 97.39884393063583],
    ],
  };
  for (const who of ["a", "b"] as const) {
    it(`coder ${who.toUpperCase()} against the consensus: the figures of the independent computation`, () => {
      const seeds = path.join(root, "seeds");
      const pair = who === "a" ? loadSeedPair(seeds, dir) : loadSeedPair(seeds, dir, path.join(seeds, "codings/coder-b"));
      const rows = pairAgreement(pair.articles, themes);
      expect(rows.map((r) => r.theme)).toEqual(independent[who].map((w) => w[0]));
      rows.forEach((r, i) => {
        const [, alpha, kappa, percent] = independent[who][i];
        expect(r.alphaWord).toBeCloseTo(alpha, 12);
        expect(r.kappaSentence).toBeCloseTo(kappa, 12);
        expect(r.percentAgreement).toBeCloseTo(percent, 10);
        expect([r.articles, r.units, r.sentenceUnits]).toEqual(r.theme === null ? [5, 25520, 692] : [5, 6380, 173]);
      });
    });
  }
});
