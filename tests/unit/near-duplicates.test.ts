// Shingles, Jaccard similarity, MinHash band keys, and the threshold's figures on the seed corpus.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "@/lib/corpus/parse-article";
import { BANDS, bandKeys, candidateProbability, fingerprint, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles, signature, tokens } from "@/lib/corpus/near-duplicates";

const root = path.join(import.meta.dirname, "../..");
const body = (file: string) => parseArticle(fs.readFileSync(path.join(root, file), "utf8")).body;

describe("shingles and similarity", () => {
  it("tokens are words in Latin script and single characters in Chinese", () => {
    expect(tokens("State-owned Assets, 2023!")).toEqual(["state", "owned", "assets", "2023"]);
    expect(tokens("国资委：深化改革")).toEqual(["国", "资", "委", "深", "化", "改", "革"]);
  });

  it("counts 5-word shingles, and Jaccard is |common| / |union|", () => {
    // a b c d e f: {abcde, bcdef}; a b c d e g: {abcde, bcdeg}: 1 common of 3.
    expect(shingles("a b c d e f").size).toBe(2);
    expect(jaccard(shingles("a b c d e f"), shingles("a b c d e g"))).toBeCloseTo(1 / 3, 10);
    // Case and punctuation do not count: the same 5 words are the same shingle.
    expect(jaccard(shingles("A b, c. D e"), shingles("a b c d e"))).toBe(1);
    // A text shorter than a shingle is one shingle of its words; an empty text resembles nothing.
    expect(shingles("two words").size).toBe(1);
    expect(jaccard(shingles(""), shingles(""))).toBe(0);
  });

  it("band keys are the same in every run for the same text, safe integers, one per band", () => {
    const keys = fingerprint("one two three four five six seven").keys;
    expect(keys).toEqual(fingerprint("One two three four five six seven.").keys);
    expect(keys).toHaveLength(BANDS);
    expect(keys.every((k) => Number.isSafeInteger(k) && k >= 0)).toBe(true);
    // Band b's key starts at b * 2^44, so two bands never share a key.
    expect(keys.map((k) => Math.floor(k / 2 ** 44))).toEqual([...Array(BANDS).keys()]);
    expect(bandKeys(signature(shingles("x y z w v u")))).not.toEqual(keys);
  });

  it("a pair at the threshold shares a band almost surely: 1 - (1 - 0.8^4)^16", () => {
    expect(candidateProbability(0.8)).toBeCloseTo(1 - 0.5904 ** 16, 6); // 0.99978
    expect(candidateProbability(0.2)).toBeCloseTo(1 - (1 - 0.0016) ** 16, 6); // 0.025
  });
});

describe("the threshold, on the seed corpus", () => {
  const seeds = fs.readdirSync(path.join(root, "seeds/articles")).sort().map((f) => shingles(body(`seeds/articles/${f}`)));

  it("distinct seed articles are at most 0.016 similar", () => {
    const pairs: number[] = [];
    for (let i = 0; i < seeds.length; i++) for (let j = i + 1; j < seeds.length; j++) pairs.push(jaccard(seeds[i], seeds[j]));
    expect(pairs).toHaveLength(10);
    // 000 and 001 share 13 shingles (SASAC's and the Party's stock phrases) of 813.
    expect(Math.max(...pairs)).toBeCloseTo(13 / 813, 6);
    expect(Math.max(...pairs)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD / 10);
  });

  it("a corrected re-edit of seed 000 (four words changed, a sentence added) is 0.906 similar", () => {
    const re = shingles(body("tests/fixtures/near-duplicates/000-corrected-re-edit.txt"));
    // 401 shingles before, 409 after, 385 in common: 385 / (401 + 409 - 385) = 385 / 425.
    expect([seeds[0].size, re.size]).toEqual([401, 409]);
    expect(jaccard(seeds[0], re)).toBeCloseTo(385 / 425, 10);
    expect(jaccard(seeds[0], re)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });
});
