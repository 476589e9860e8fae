// Cues as queries, sentence matching with the search index's tokenizer, and which sentences are offered.
import { describe, expect, it } from "vitest";
import { cueQueries } from "@/lib/search/cues";
import { matchSentences } from "@/lib/search/sentence-match";
import { suggestionsFor } from "@/lib/search/suggest";
import { sentenceSpans } from "@/lib/measure/sentences";
import { targetPassage } from "@/components/reader-target";
import { withCoder } from "@/components/suggestions/with-coder";

describe("cueQueries", () => {
  it("cuts a cue at commas, semicolons and 'or', drops parentheses, quotes and little words", () => {
    const q = cueQueries("breakthroughs in key (core) technologies, original technology, 'source' of technology, cutting-edge or disruptive technology research");
    expect(q.map((x) => x.phrase)).toEqual([
      "breakthroughs in key technologies",
      "original technology",
      "source of technology",
      "cutting-edge",
      "disruptive technology research",
    ]);
    expect(q.map((x) => x.query)).toEqual([
      '"breakthroughs" "key" "technologies"',
      '"original" "technology"',
      '"source" "technology"',
      '"cutting edge"', // a joined word is one phrase of its parts, as the tokenizer splits the text
      '"disruptive" "technology" "research"',
    ]);
    expect(q.every((x) => x.index === "words")).toBe(true);
  });

  it("drops a one-word piece of a longer cue, keeps a one-word cue, and drops the possessive", () => {
    expect(cueQueries("stability, security, resilience or 'long chain' of industrial chains and supply chains").map((x) => x.query)).toEqual([
      '"long" "chain" "industrial" "chains" "supply" "chains"',
    ]);
    expect(cueQueries("chips").map((x) => x.query)).toEqual(['"chips"']);
    expect(cueQueries("uphold and strengthen the Party's (overall) leadership").map((x) => x.query)).toEqual(['"uphold" "strengthen" "party" "leadership"']);
    expect(cueQueries("R&D investment").map((x) => x.query)).toEqual(['"r d" "investment"']);
  });

  it("gives an alternative that starts with a preposition the head of the first", () => {
    expect(cueQueries("reform of SOEs or of state-owned assets; the three-year action").map((x) => x.phrase)).toEqual([
      "reform of SOEs",
      "reform of state-owned assets",
      "the three-year action",
    ]);
  });

  it("sends a Chinese cue to the trigram index as written, and drops one under 3 characters", () => {
    expect(cueQueries("新质生产力, 改革")).toEqual([{ phrase: "新质生产力", query: '"新质生产力"', index: "trigram" }]);
  });
});

describe("matchSentences", () => {
  const text = "Reforms of the firms began. Nothing here.\nThe reforming firm grew; firms reform.";
  const spans = sentenceSpans(text);

  it("finds every word of a query in one sentence, stemmed as the search index stems", () => {
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Reforms of the firms began.", "Nothing here.", "The reforming firm grew; firms reform."]);
    const [both, across, phrase, bad] = matchSentences(text, spans, [
      { query: '"reform" "firm"', index: "words" },
      { query: '"began" "grew"', index: "words" }, // in the text, but not in one sentence
      { query: '"firms reform"', index: "words" },
      { query: "AND (", index: "words" },
    ]);
    expect(both).toEqual([0, 2]);
    expect(across).toEqual([]);
    expect(phrase).toEqual([2]);
    expect(bad).toEqual([]); // a query FTS5 cannot read matches nothing
  });
});

describe("suggestionsFor", () => {
  const body = "Reform the firms now. Build chips at home.\nReform again. Chips need care.";
  const themes = [
    { slug: "innovation", cues: ["chips"] },
    { slug: "reform", cues: ["reform"] },
  ];

  it("offers the sentences a cue matches that no passage of the theme overlaps, in reading order", () => {
    const passages = [
      { theme: "reform", start: 0, end: 21 }, // "Reform the firms now."
      { theme: "innovation", start: 28, end: 33 }, // "chips" inside "Build chips at home."
    ];
    const s = suggestionsFor(body, themes, passages);
    expect(s.map((x) => [x.theme, x.sentence, x.cue])).toEqual([
      ["reform", "Reform again.", "reform"],
      ["innovation", "Chips need care.", "chips"],
    ]);
    expect(body.slice(s[0].start, s[0].end)).toBe("Reform again.");
    // A passage of another theme does not hide a sentence.
    expect(suggestionsFor(body, themes, [{ theme: "innovation", start: 0, end: 21 }]).filter((x) => x.theme === "reform").map((x) => x.start)).toEqual([0, 43]);
  });

  it("offers a sentence once per theme, with the first cue that matched", () => {
    const s = suggestionsFor("Build chips and more chips.", [{ slug: "innovation", cues: ["chips", "build chips"] }], []);
    expect(s).toEqual([{ theme: "innovation", start: 0, end: 27, sentence: "Build chips and more chips.", cue: "chips", cueText: "chips" }]);
  });
});

describe("reader links", () => {
  it("read the target passage from #passage-, #p- or ?passage=", () => {
    expect(targetPassage("#passage-12", null)).toBe(12);
    expect(targetPassage("#p-7", new URLSearchParams("passage=3"))).toBe(7);
    expect(targetPassage("", new URLSearchParams("theme=reform&passage=3"))).toBe(3);
    expect(targetPassage("#top", new URLSearchParams("passage=x"))).toBeNull();
  });

  it("set the coder and keep the view", () => {
    expect(withCoder(new URLSearchParams("theme=reform&from=2023-01-01&coder=a"), "ana")).toBe("theme=reform&from=2023-01-01&coder=ana");
  });
});
