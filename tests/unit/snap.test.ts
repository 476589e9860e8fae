import { describe, expect, it } from "vitest";
import { snapToWords } from "@/lib/coding/snap";

const body = "Reform the firms now. Build chips at home.";

describe("snapToWords", () => {
  it("widens a selection to whole words", () => {
    expect(snapToWords(body, 1, 13)).toEqual({ start: 0, end: 16 }); // "eform the fi" -> "Reform the firms"
  });

  it("keeps punctuation the selection included and drops surrounding spaces", () => {
    expect(snapToWords(body, 16, 22)).toEqual({ start: 17, end: 21 }); // " now. " -> "now." (spaces dropped)
    expect(snapToWords(body, 21, 27)).toEqual({ start: 22, end: 27 }); // " Build" -> "Build"
  });

  it("refuses a selection with no word in it, or out of range", () => {
    expect(snapToWords(body, 20, 22)).toBeNull(); // ". "
    expect(snapToWords(body, 5, 5)).toBeNull();
    expect(snapToWords(body, -1, 4)).toBeNull();
    expect(snapToWords(body, 40, 99)).toBeNull();
  });
});
