// Bytes that are not UTF-8 text are refused with a reason and, for bad UTF-8, the offset of
// the first bad byte (hand-counted below).
import { describe, expect, it } from "vitest";
import { decodeText, firstInvalidByte } from "@/lib/corpus/read-text";
import { MAX_FILE_BYTES } from "@/lib/corpus/limits";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

describe("decodeText", () => {
  it("accepts UTF-8 text, a byte order mark included, and keeps it exactly", () => {
    expect(decodeText(bytes("Café 中国 👍\r\n\tend"))).toEqual({ ok: true, text: "Café 中国 👍\r\n\tend" });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], "Title"))).toEqual({ ok: true, text: "Title" });
  });

  it("names the offset of the first byte that is not UTF-8", () => {
    // "Caf" is bytes 0-2; Latin-1 é (0xE9) at 3 starts a 3-byte sequence that "s" (0x73) breaks
    expect(decodeText(bytes("Caf", [0xe9], "s au lait"))).toEqual({
      ok: false,
      reason: "not valid UTF-8: byte 0xE9 at byte offset 3 (save the file as UTF-8)",
    });
    expect(firstInvalidByte(bytes("ab", [0xff], "cd"))).toBe(2); // a byte that is never UTF-8
    expect(firstInvalidByte(bytes("é", [0x80]))).toBe(2); // é is 2 bytes, then a lone continuation byte
    expect(firstInvalidByte(bytes("abc", [0xf0, 0x9f, 0x98]))).toBe(3); // an emoji cut short at the end
    expect(firstInvalidByte(bytes([0xed, 0xa0, 0x80], "x"))).toBe(0); // an encoded surrogate
    expect(firstInvalidByte(bytes([0xc0, 0x80]))).toBe(0); // an overlong NUL
  });

  it("refuses binary content: a NUL byte, mostly control characters, UTF-16", () => {
    expect(decodeText(bytes("PK", [3, 4, 0, 0]))).toEqual({ ok: false, reason: "a binary file, not text (NUL byte at byte offset 4)" });
    expect(decodeText(bytes("ab", [1, 2, 3, 4, 5, 6, 7, 8], "cdefghij"))).toEqual({
      ok: false,
      reason: "a binary file, not text (8 of 18 characters are control characters)",
    });
    expect(decodeText(bytes([0xff, 0xfe], "T\0i\0"))).toMatchObject({ ok: false, reason: expect.stringContaining("UTF-16") });
  });

  it("refuses a file over the size limit", () => {
    expect(decodeText(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))).toEqual({
      ok: false,
      reason: "the file is 8,388,609 bytes, over the limit of 8,388,608 bytes (8 MiB)",
    });
  });
});
