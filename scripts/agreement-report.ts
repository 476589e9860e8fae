// npm run agreement [-- --disagreements] [-- --consensus] [-- --write-fixture]
// Agreement between the two codings of the seed corpus (seeds/codings/seed-editor = coder A,
// seeds/codings/coder-b = coder B): word-level Krippendorff's alpha and sentence-level Cohen's
// kappa with percentage agreement, per theme and pooled. --disagreements lists, per article and
// theme, the runs of words one coder tagged and the other did not. --consensus measures each coder
// against the adjudicated consensus (seeds/consensus/) and sums up the decision log
// (seeds/consensus/decisions.json) per theme. --write-fixture writes the raw data for the
// independent Python check (tests/fixtures/agreement/seed-corpus.json).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { nthIndexOf } from "../lib/coding/annotation-file";
import { coveredWords, pairAgreement } from "../lib/measure/agreement";
import { loadSeedPair, seedPairFixture, type SeedPair } from "./seed-codings";

const FIXTURE = "tests/fixtures/agreement/seed-corpus.json";
const SEEDS = "seeds";
const CODER_B = path.join(SEEDS, "codings", "coder-b");
const CONSENSUS = path.join(SEEDS, "consensus");
const DECISIONS = path.join(CONSENSUS, "decisions.json");
const KINDS = ["a", "b", "both", "neither", "edit"] as const;

const f = (x: number | null, d = 3) => (x === null ? "n/a" : x.toFixed(d));

function table(pair: SeedPair): void {
  const rows = pairAgreement(pair.articles, pair.themes);
  console.log("| theme | articles | word units | alpha (word) | sentence units | kappa (sentence) | % agreement (sentence) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows)
    console.log(`| ${r.theme ?? "all themes (pooled)"} | ${r.articles} | ${r.units} | ${f(r.alphaWord)} | ${r.sentenceUnits} | ${f(r.kappaSentence)} | ${f(r.percentAgreement, 1)} |`);
  for (const r of rows) {
    if (r.alphaReason) console.log(`${r.theme ?? "pooled"}: alpha undefined: ${r.alphaReason}`);
    if (r.kappaReason) console.log(`${r.theme ?? "pooled"}: kappa undefined: ${r.kappaReason}`);
  }
}

type Passage = { quote: string; occurrence?: number };
type Decision = { article: string; theme: string; decision: (typeof KINDS)[number]; a: Passage[]; b: Passage[]; result: Passage[]; reason: string };

/** Per theme: how many disagreements were decided which way, and how many differ in at least one word. */
function decisionSummary(pair: SeedPair): void {
  const log = JSON.parse(fs.readFileSync(DECISIONS, "utf8")) as { decisions: Decision[] };
  const bodies = new Map(pair.articles.map((x) => [x.article, x]));
  const inWords = (d: Decision) => {
    const x = bodies.get(d.article)!;
    const spans = (ps: Passage[]) =>
      ps.map((p) => {
        const start = nthIndexOf(x.body, p.quote, p.occurrence ?? 1);
        return { start, end: start + p.quote.length };
      });
    return coveredWords(x.words, spans(d.a)).join() !== coveredWords(x.words, spans(d.b)).join();
  };
  console.log("| theme | disagreements | differing in words | A | B | both | neither | edited |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const t of [...pair.themes, null]) {
    const ds = log.decisions.filter((d) => t === null || d.theme === t);
    const n = (k: string) => ds.filter((d) => d.decision === k).length;
    console.log(`| ${t ?? "all themes"} | ${ds.length} | ${ds.filter(inWords).length} | ${KINDS.map(n).join(" | ")} |`);
  }
}

function disagreements(pair: SeedPair): void {
  for (const x of pair.articles) {
    for (const t of pair.themes) {
      const ca = coveredWords(x.words, x.a.filter((p) => p.theme === t));
      const cb = coveredWords(x.words, x.b.filter((p) => p.theme === t));
      let i = 0;
      while (i < x.words.length) {
        if (ca[i] === cb[i]) {
          i++;
          continue;
        }
        const who = ca[i] ? "A only" : "B only";
        let j = i;
        while (j + 1 < x.words.length && ca[j + 1] !== cb[j + 1] && ca[j + 1] === ca[i]) j++;
        console.log(`\n[${x.article}] ${t} ${who} (${j - i + 1} words): ${x.body.slice(x.words[i].start, x.words[j].end)}`);
        i = j + 1;
      }
    }
  }
}

function main(): number {
  const { values } = parseArgs({
    options: { disagreements: { type: "boolean" }, consensus: { type: "boolean" }, "write-fixture": { type: "boolean" } },
  });
  const pair = loadSeedPair(SEEDS, CODER_B);
  console.log(`articles coded by both: ${pair.articles.length}\n`);
  table(pair);
  if (values.disagreements) disagreements(pair);
  if (values.consensus) {
    const a = loadSeedPair(SEEDS, CONSENSUS);
    const b = loadSeedPair(SEEDS, CONSENSUS, CODER_B);
    console.log(`\nCoder A (seeds/codings/seed-editor) against the consensus (seeds/consensus), ${a.articles.length} articles:\n`);
    table(a);
    console.log(`\nCoder B (seeds/codings/coder-b) against the consensus, ${b.articles.length} articles:\n`);
    table(b);
    console.log(`\nAdjudication decisions (${DECISIONS}), one per passage disagreement:\n`);
    decisionSummary(pair);
  }
  if (values["write-fixture"]) {
    fs.writeFileSync(FIXTURE, seedPairFixture(pair));
    console.log(`\nwrote ${FIXTURE}; now run python3 tests/fixtures/agreement/compute.py`);
  }
  return 0;
}

process.exitCode = main();
