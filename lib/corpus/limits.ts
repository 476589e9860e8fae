// How large a text the tracker accepts. Word counting is linear (lib/measure/words.ts), but
// every tagging write re-counts its article inside a write transaction, so an article of the
// largest size still answers a tagging write in about a second on these machines.

/** Largest file read by the import, the seed and the annotation load (8 MiB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Largest article body, in characters (UTF-16 units) once cleaned: about 2 MB of text. */
export const MAX_BODY_CHARS = 2_000_000;
/** Largest article body in words. */
export const MAX_BODY_WORDS = 300_000;

export function fileTooLarge(bytes: number): string {
  return `the file is ${bytes.toLocaleString("en")} bytes, over the limit of ${MAX_FILE_BYTES.toLocaleString("en")} bytes (8 MiB)`;
}
