// Reading a text file someone hands us (an article to import or seed, an annotation file),
// refusing with a reason what is not UTF-8 text: a folder or dangling link where a file was
// expected, a file too large, bytes that are not UTF-8 (with the offset of the first bad
// byte), binary content. Never a silent U+FFFD.
import fs from "node:fs";
import { fileTooLarge, MAX_FILE_BYTES } from "./limits";

export type TextRead = { ok: true; text: string } | { ok: false; reason: string };

const fatal = new TextDecoder("utf-8", { fatal: true });

/** Share of control characters (other than tab, line breaks, form feed) above which a decoded file counts as binary. */
const MAX_CONTROL_SHARE = 0.05;

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of the first byte that is not part of a valid UTF-8 sequence. Binary search for
 * the longest prefix that decodes (a sequence cut at the end of a prefix counts as valid
 * so far); if that prefix ends inside a sequence, the sequence's first byte is the culprit.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0; // bytes[0, lo) decodes as a stream
  let hi = bytes.length; // bytes[0, hi) does not (the whole file fails)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (decodes(bytes.subarray(0, mid), true)) lo = mid;
    else hi = mid;
  }
  if (decodes(bytes.subarray(0, lo), false)) return lo;
  let start = lo;
  while (start > 0 && (bytes[start - 1] & 0xc0) === 0x80) start--; // back over continuation bytes
  return start > 0 ? start - 1 : lo; // the lead byte of the unfinished sequence
}

const hex = (b: number | undefined) => (b === undefined ? "end of file" : `0x${b.toString(16).toUpperCase().padStart(2, "0")}`);

/** Why these bytes are not a UTF-8 text file, or the text. */
export function decodeText(bytes: Uint8Array): TextRead {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: fileTooLarge(bytes.length) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: "the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8" };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `a binary file, not text (NUL byte at byte offset ${nul})` };
  let text: string;
  try {
    text = fatal.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    return { ok: false, reason: `not valid UTF-8: byte ${hex(bytes[at])} at byte offset ${at} (save the file as UTF-8)` };
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0)) controls++;
  }
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    return { ok: false, reason: `a binary file, not text (${controls} of ${text.length} characters are control characters)` };
  }
  return { ok: true, text };
}

/** A file's text, or why it cannot be read as one: the path is left to the caller's message. */
export function readTextFile(file: string): TextRead {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      const link = fs.lstatSync(file, { throwIfNoEntry: false });
      return { ok: false, reason: link?.isSymbolicLink() ? `a symbolic link to a missing file (${fs.readlinkSync(file)})` : "no such file" };
    }
    return { ok: false, reason: describeError(e) };
  }
  if (stat.isDirectory()) return { ok: false, reason: "a folder, not a file" };
  if (!stat.isFile()) return { ok: false, reason: "not a regular file" };
  if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: fileTooLarge(stat.size) };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: describeError(e) };
  }
  return decodeText(bytes);
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  if (code === "EISDIR") return "a folder, not a file";
  if (code === "ELOOP") return "a symbolic link that loops";
  return `cannot be read (${code ?? (e as Error).message})`;
}
