import { describe, expect, it } from "vitest";
import { resolveEntries, serializeAnnotations } from "@/lib/coding/annotation-file";

const body = "Reform again. Reform the rules. Build chips.";

describe("serializeAnnotations", () => {
  it("writes one entry per span, themes in codebook order, occurrence only for repeated quotes, one entry per line", () => {
    const text = serializeAnnotations(
      { slug: "beta", body, codingStatus: "coded" as const },
      [
        { theme: "reform", start: 14, end: 20, quote: "Reform", annotator: "ana", note: null },
        { theme: "reform", start: 0, end: 13, quote: "Reform again.", annotator: "ana", note: "why" },
        { theme: "innovation", start: 0, end: 13, quote: "Reform again.", annotator: "ana", note: "why" },
        { theme: "innovation", start: 32, end: 43, quote: "Build chips", annotator: "bo", note: null },
      ],
      ["innovation", "reform"],
    );
    expect(text).toBe(
      [
        "{",
        '  "article": "beta",',
        '  "status": "coded",',
        '  "annotations": [',
        '    { "themes": ["innovation", "reform"], "quote": "Reform again.", "annotator": "ana", "note": "why" },',
        '    { "themes": ["reform"], "quote": "Reform", "occurrence": 2, "annotator": "ana" },',
        '    { "themes": ["innovation"], "quote": "Build chips", "annotator": "bo" }',
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("reads back to the same passages", () => {
    const passages = [
      { theme: "innovation", start: 0, end: 13, quote: "Reform again.", annotator: "ana", note: "why" },
      { theme: "reform", start: 0, end: 13, quote: "Reform again.", annotator: "ana", note: "why" },
      { theme: "reform", start: 14, end: 20, quote: "Reform", annotator: "ana", note: null },
    ];
    const text = serializeAnnotations({ slug: "beta", body, codingStatus: "coded" as const }, passages, ["innovation", "reform"]);
    const back = resolveEntries(JSON.parse(text).annotations, body, new Set(["innovation", "reform"]));
    expect(back).toEqual({ annotations: passages, errors: [] });
  });

  it("writes an article without passages as an empty list", () => {
    expect(serializeAnnotations({ slug: "x", body, codingStatus: "uncoded" }, [], [])).toBe('{\n  "article": "x",\n  "status": "uncoded",\n  "annotations": []\n}\n');
  });
});
