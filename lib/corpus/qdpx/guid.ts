// REFI-QDA wants a GUID on every element. Ours are derived from stable keys (a theme's slug,
// an article's slug, a passage's article, theme, span and coder), never random, so exporting
// an unchanged project twice gives the same file byte for byte, and a re-export after an edit
// changes only the elements that were edited.
import { createHash } from "node:crypto";

/** A UUID-shaped GUID (version 5 style, RFC 4122 variant) from the SHA-256 of the keys. */
export function stableGuid(kind: string, ...keys: (string | number)[]): string {
  const h = createHash("sha256").update(JSON.stringify([kind, ...keys]), "utf8").digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const GUID_PATTERN = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
