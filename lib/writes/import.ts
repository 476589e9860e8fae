// Stores imported texts. Each file is written in its own short transaction (article, new
// organizations, zeroed per-theme totals), retried while another writer holds the lock, so
// a failing file leaves nothing behind, the others still import, and readers never wait
// for more than one file. Texts whose cleaned body is already stored are reported and skipped,
// which also catches a repost of a stored article under another publisher.
import type { PrismaClient } from "../../generated/prisma/client";
import { periodOf } from "../measure/dates";
import { matchOrganization, type KnownOrg } from "../corpus/orgs";
import { withBusyRetry } from "../db/retry";
import { refreshArticleStats } from "./article-stats";
import { describeDetection, detectArticle, type Detected, type ImportOverrides, type OrgChoice } from "../corpus/detect";

/** A file's text, or why it could not be read as text (lib/corpus/read-text.ts): that file alone fails. */
/** A row of a CSV or JSON Lines file carries its own fields as `overrides` (lib/corpus/table.ts). */
export type ImportInput = { file: string; raw: string; overrides?: ImportOverrides } | { file: string; unreadable: string };

export type FileOutcome =
  | { file: string; status: "imported"; slug: string; detected: Detected; createdOrgs: string[] }
  | { file: string; status: "duplicate"; of: string; detected: Detected }
  | { file: string; status: "failed"; reason: string }
  | { file: string; status: "checked"; detected: Detected };

export type ImportOptions = { overrides?: ImportOverrides; dryRun?: boolean; log?: (line: string) => void };

async function knownOrgs(prisma: PrismaClient): Promise<KnownOrg[]> {
  const rows = await prisma.organization.findMany({ select: { slug: true, name: true, aliases: true } });
  return rows.map((o) => ({ slug: o.slug, name: o.name, aliases: JSON.parse(o.aliases) as string[] }));
}

export async function importArticles(prisma: PrismaClient, inputs: readonly ImportInput[], opts: ImportOptions = {}): Promise<FileOutcome[]> {
  const log = opts.log ?? (() => {});
  const outcomes: FileOutcome[] = [];
  const seenHashes = new Map<string, string>(); // within this batch: hash -> slug or file
  let orgs = await knownOrgs(prisma);

  for (const [i, input] of inputs.entries()) {
    const prefix = `[${i + 1}/${inputs.length}] ${input.file}`;
    if ("unreadable" in input) {
      outcomes.push({ file: input.file, status: "failed", reason: input.unreadable });
      log(`${prefix}: failed, nothing written: ${input.unreadable}`);
      continue;
    }
    let d: Detected;
    try {
      d = detectArticle(input.file, input.raw, orgs, { ...opts.overrides, ...input.overrides });
    } catch (e) {
      outcomes.push({ file: input.file, status: "failed", reason: (e as Error).message });
      log(`${prefix}: failed: ${(e as Error).message}`);
      continue;
    }
    if (d.errors.length) {
      outcomes.push({ file: input.file, status: "failed", reason: d.errors.join("; ") });
      log(`${prefix}: failed, nothing written: ${d.errors.join("; ")}`);
      continue;
    }
    const stored = await prisma.article.findUnique({ where: { contentHash: d.contentHash }, select: { slug: true } });
    const twin = stored?.slug ?? seenHashes.get(d.contentHash);
    if (twin) {
      outcomes.push({ file: input.file, status: "duplicate", of: twin, detected: d });
      log(`${prefix}: skipped, same text as "${twin}" is already ${stored ? "stored" : "in this import"}`);
      continue;
    }
    if (opts.dryRun) {
      seenHashes.set(d.contentHash, d.slug);
      outcomes.push({ file: input.file, status: "checked", detected: d });
      log(`${prefix}: would import as "${d.slug}"\n${describeDetection(d)}`);
      continue;
    }
    try {
      const { slug, createdOrgs } = await withBusyRetry("storing the article", () => prisma.$transaction(async (tx) => {
        const createdOrgs: string[] = [];
        // The slug was chosen free of known organizations; one stored since (by another writer,
        // or earlier in this file) under another name does not take this name's texts.
        const orgId = async (o: OrgChoice): Promise<number> => {
          for (let n = 1; ; n++) {
            const slug = n === 1 ? o.slug : `${o.slug}-${n}`;
            const found = await tx.organization.findUnique({ where: { slug } });
            if (found) {
              const same = !o.isNew || matchOrganization(o.name, [{ ...found, aliases: JSON.parse(found.aliases) as string[] }]);
              if (same) return found.id;
              continue;
            }
            createdOrgs.push(`${slug} ("${o.name}", from ${o.from})`);
            return (await tx.organization.create({ data: { slug, name: o.name, kind: "other", aliases: JSON.stringify([o.name]) } })).id;
          }
        };
        let slug = d.slug;
        for (let n = 2; await tx.article.findUnique({ where: { slug } }); n++) slug = `${d.slug}-${n}`;
        const { start, end } = d.date ? periodBounds(d.date, d.precision) : { start: null, end: null };
        const article = await tx.article.create({
          data: {
            slug,
            title: d.title,
            titleNote: d.titleFrom.startsWith("the opening words") ? "Placeholder title: the text has no title line." : null,
            body: d.body,
            wordCount: d.wordCount,
            contentHash: d.contentHash,
            dateStart: start,
            dateEnd: end,
            datePrecision: d.precision,
            dateNote: d.dateNote,
            dateBasis: d.dateBasis,
            codingStatus: "uncoded", // counted in no theme metric until someone codes it
            sourceId: await orgId(d.source),
            publisherId: d.publisher ? await orgId(d.publisher) : null,
            attribution: d.attribution,
            url: d.url,
          },
        });
        await refreshArticleStats(tx, article.id);
        return { slug, createdOrgs };
      }));
      seenHashes.set(d.contentHash, slug);
      if (createdOrgs.length) orgs = await knownOrgs(prisma);
      outcomes.push({ file: input.file, status: "imported", slug, detected: d, createdOrgs });
      const notes = [
        ...createdOrgs.map((o) => `created organization ${o}`),
        ...d.undetermined.map((u) => `not determined: ${u}`),
      ];
      log(`${prefix}: imported as "${slug}" (${d.date ?? "date unknown"}, ${d.source.name}, ${d.wordCount} words)${notes.map((n) => `\n    ${n}`).join("")}`);
    } catch (e) {
      outcomes.push({ file: input.file, status: "failed", reason: (e as Error).message });
      log(`${prefix}: failed, nothing written: ${(e as Error).message}`);
    }
  }
  return outcomes;
}

/** The period of a date detectArticle has already validated. */
function periodBounds(date: string, precision: Detected["precision"]): { start: string; end: string } {
  const p = periodOf(date, precision);
  if (!p || typeof p === "string") throw new Error(`invalid date ${date}: ${p}`);
  return p;
}

export function importSummary(outcomes: readonly FileOutcome[], dryRun = false): string {
  const count = (s: FileOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const parts = dryRun
    ? [`${count("checked")} would be imported`, `${count("duplicate")} duplicate(s)`, `${count("failed")} failed`]
    : [`${count("imported")} imported`, `${count("duplicate")} duplicate(s) skipped`, `${count("failed")} failed`];
  return `${dryRun ? "Dry run, nothing written: " : ""}${outcomes.length} file(s): ${parts.join(", ")}.`;
}
