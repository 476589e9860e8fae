import { describe, expect, it } from "vitest";
import { GUID_PATTERN, stableGuid } from "@/lib/corpus/qdpx/guid";
import { normaliseForPositions, splitsSurrogate, utf16ToCodePoint } from "@/lib/corpus/qdpx/offsets";
import { annotatorForUser, coderForAnnotator, UNNAMED_CODER } from "@/lib/coding/coders";

describe("code points and UTF-16 units", () => {
  it("counts a character outside the BMP once", () => {
    const t = "a😀b𠀀c"; // units: a 0, 😀 1-2, b 3, 𠀀 4-5, c 6
    expect([0, 1, 3, 4, 6, 7].map((o) => utf16ToCodePoint(t, o))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(splitsSurrogate(t, 2)).toBe(true);
    expect(splitsSurrogate(t, 3)).toBe(false);
  });

  it("normalises CRLF, lone CR and a BOM, and moves positions with them", () => {
    const n = normaliseForPositions("\uFEFFab\r\ncd\ref😀g");
    expect(n.text).toBe("ab\ncd\nef😀g");
    expect(n.length).toBe(12); // BOM a b CR LF c d CR e f 😀 g
    // original code point -> new UTF-16 offset
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(n.at)).toEqual([0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
  });
});

describe("stable guids and coders", () => {
  it("gives the same UUID-shaped guid for the same keys, another for other keys", () => {
    expect(stableGuid("code", "reform")).toBe(stableGuid("code", "reform"));
    expect(stableGuid("code", "reform")).not.toBe(stableGuid("source", "reform"));
    expect(stableGuid("code", "reform")).toMatch(GUID_PATTERN);
    expect(stableGuid("code", "reform")[14]).toBe("5");
  });

  it("maps annotators to users and back", () => {
    expect(coderForAnnotator("ana")).toEqual({ guid: stableGuid("user", "ana"), name: "ana" });
    expect(annotatorForUser({ name: " Mei " })).toBe("Mei");
    expect(annotatorForUser({ id: "c2" })).toBe("c2");
    expect(annotatorForUser(undefined)).toBe(UNNAMED_CODER);
  });
});
