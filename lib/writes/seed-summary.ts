import type { SeedPlan } from "../corpus/seed";
import type { SeedChanges } from "./seed";

/** The few lines the seed prints: what the corpus holds and what this run changed. */
export function seedSummary(plan: SeedPlan, changes: SeedChanges): string {
  const passages = new Map(plan.codebook.themes.map((t) => [t.slug, 0]));
  for (const a of plan.articles) for (const an of a.annotations) passages.set(an.theme, (passages.get(an.theme) ?? 0) + 1);
  const words = plan.articles.reduce((n, a) => n + a.wordCount, 0);
  const lines = [
    `Seeded ${plan.articles.length} articles (${words} words), ${plan.organizations.length} organizations, codebook ${plan.codebook.version}.`,
    "Passages per theme:",
    ...plan.codebook.themes.map((t) => `  ${t.name.padEnd(24)} ${String(passages.get(t.slug)).padStart(4)}`),
    changes.articles + changes.annotationsAdded + changes.annotationsRemoved + changes.themes + changes.organizations + changes.statsChanged === 0
      ? "No changes: the database already matched the seed files."
      : `Changes: ${changes.articles} article(s), ${changes.annotationsAdded} passage(s) added, ${changes.annotationsRemoved} removed, ` +
        `${changes.themes} theme(s), ${changes.organizations} organization(s), ${changes.statsChanged} article-theme total(s).`,
  ];
  return lines.join("\n");
}
