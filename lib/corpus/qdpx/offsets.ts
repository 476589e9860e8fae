// Positions in REFI-QDA are counted in Unicode code points from 0, end exclusive (as QualCoder
// and the standard's other readers count a Python or C# string); ours are UTF-16 code units
// (JavaScript strings). The two differ after every character outside the Basic Multilingual
// Plane (an emoji, a rare CJK ideograph), which is one code point and two units.

/** The code point index of a UTF-16 offset (which must not split a surrogate pair). */
export function utf16ToCodePoint(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    cp++;
  }
  return cp;
}

/**
 * The text with its line endings made "\n" (CRLF and a lone CR alike) and a leading byte order
 * mark removed, and `at(p)`: where the code point position p of the original text lies in the
 * new text, in UTF-16 units. A position between CR and LF maps to the line end. `length` is the
 * original's length in code points, so a position past it can be refused.
 */
export function normaliseForPositions(raw: string): { text: string; length: number; at: (codePoint: number) => number } {
  const map: number[] = [0]; // map[k]: UTF-16 offset in the output of original code point k
  let out = "";
  const cps = Array.from(raw);
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k];
    if (k === 0 && c === "\uFEFF") {
      // dropped
    } else if (c === "\r") {
      if (cps[k + 1] !== "\n") out += "\n"; // a lone CR is a line end; CR before LF is dropped
    } else {
      out += c;
    }
    map.push(out.length);
  }
  return { text: out, length: cps.length, at: (p) => map[p] };
}

/** True when a UTF-16 offset falls between the two halves of a surrogate pair. */
export function splitsSurrogate(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}
