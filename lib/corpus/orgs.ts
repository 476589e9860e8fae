// Recognising organizations by the names texts give them ("China Minmetals Corporation",
// "State-owned Assets And Administration Commission of The State Council", "中国五矿集团").
import { sha256 } from "./identity";

export type KnownOrg = { slug: string; name: string; aliases: string[] };

const STOP_WORDS = new Set(["the", "of", "and"]);

/** A name reduced to what identifies it: letters and digits of any script, lower case, no articles or punctuation. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w))
    .join(" ");
}

/** The organization whose slug, name or an alias matches `name`, ignoring case, articles and punctuation. */
export function matchOrganization(name: string, orgs: readonly KnownOrg[]): KnownOrg | null {
  const want = normaliseName(name);
  if (!want) return null;
  return (
    orgs.find((o) => o.slug === name.trim().toLowerCase()) ??
    orgs.find((o) => [o.name, ...o.aliases].some((n) => normaliseName(n) === want)) ??
    null
  );
}

/**
 * A URL-safe slug (the filter schema's /^[a-z0-9]+(-[a-z0-9]+)*$/) for a new organization.
 * Latin names keep their words ("Xinhua News Agency" -> "xinhua-news-agency"). A name with
 * letters of another script cannot be spelled in ASCII without guessing a transliteration,
 * so it gets a short hash of its normalised name: "中国五矿集团" -> "org-" + 8 hex digits,
 * always the same for the same name, different for different names (a clash of the hash or
 * of two Latin spellings is resolved by freeSlug).
 */
export function slugify(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  const foreign = /[^\p{Script=Latin}\p{N}\p{M}\P{L}]/u.test(name.normalize("NFKD"));
  if (ascii && !foreign) return ascii;
  const hash = sha256(normaliseName(name) || name.trim()).slice(0, 8);
  return `${ascii || "org"}-${hash}`;
}

/** `slug`, or `slug-2`, `slug-3`... : the first that `taken` does not hold. */
export function freeSlug(slug: string, taken: (s: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) if (!taken(`${slug}-${n}`)) return `${slug}-${n}`;
}
