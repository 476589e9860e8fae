// Who an article is: its slug (from the file it came in) and the hash of its cleaned body,
// which the seed and the import both use to recognise a text that is already stored.
import { createHash } from "node:crypto";

/** The article slug a seed text file (or an imported page) stands for: "000_4e47.txt" -> "000-4e47". */
export function slugForFile(file: string): string {
  return file
    .replace(/\.(txt|html?)$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
