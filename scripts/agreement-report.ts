// npm run agreement [-- --disagreements] [-- --write-fixture]
// Agreement between the two codings of the seed corpus (seeds/annotations = coder A,
// seeds/codings/coder-b = coder B): word-level Krippendorff's alpha and sentence-level Cohen's
// kappa with percentage agreement, per theme and pooled. --disagreements lists, per article and
// theme, the runs of words one coder tagged and the other did not. --write-fixture writes the
// raw data for the independent Python check (tests/fixtures/agreement/seed-corpus.json).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { coveredWords, pairAgreement } from "../lib/measure/agreement";
import { loadSeedPair, seedPairFixture } from "./seed-codings";

const FIXTURE = "tests/fixtures/agreement/seed-corpus.json";

function main(): number {
  const { values } = parseArgs({ options: { disagreements: { type: "boolean" }, "write-fixture": { type: "boolean" } } });
  const pair = loadSeedPair();
  const rows = pairAgreement(pair.articles, pair.themes);
  const f = (x: number | null, d = 3) => (x === null ? "n/a" : x.toFixed(d));
  console.log(`articles coded by both: ${pair.articles.length}\n`);
  console.log("| theme | articles | word units | alpha (word) | sentence units | kappa (sentence) | % agreement (sentence) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows)
    console.log(`| ${r.theme ?? "all themes (pooled)"} | ${r.articles} | ${r.units} | ${f(r.alphaWord)} | ${r.sentenceUnits} | ${f(r.kappaSentence)} | ${f(r.percentAgreement, 1)} |`);
  for (const r of rows) {
    if (r.alphaReason) console.log(`${r.theme ?? "pooled"}: alpha undefined: ${r.alphaReason}`);
    if (r.kappaReason) console.log(`${r.theme ?? "pooled"}: kappa undefined: ${r.kappaReason}`);
  }
  if (values.disagreements) {
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
  if (values["write-fixture"]) {
    fs.writeFileSync(FIXTURE, seedPairFixture(pair));
    console.log(`\nwrote ${FIXTURE}; now run python3 tests/fixtures/agreement/compute.py`);
  }
  return 0;
}

process.exitCode = main();
