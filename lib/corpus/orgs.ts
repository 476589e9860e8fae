// Recognising organizations by the names texts give them ("China Minmetals Corporation",
// "State-owned Assets And Administration Commission of The State Council").

export type KnownOrg = { slug: string; name: string; aliases: string[] };

export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9\u4e00-\u9fff]+/g, " ")
    .replace(/\b(the|of|and)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
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

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "organization"
  );
}
