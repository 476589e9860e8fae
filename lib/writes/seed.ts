// Brings the database in line with a validated seed plan, touching only rows that differ: a
// second run changes nothing, and editing one annotation file changes exactly that article's
// passages and totals. Articles that are not in the seeds (imported later) keep their text
// and passages, and get a per-theme row for every theme of the codebook.
//
// The writes go in bounded transactions (the codebook and organizations, then articles a
// batch at a time, then missing per-theme rows), so a reader or a tagging write waits for
// one small batch, never for the whole seed. Each transaction is retried while another writer
// holds the lock. A run cut short leaves whole batches behind; running the seed again
// finishes the job, since it only writes what differs.
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { withBusyRetry } from "../db/retry";
import { syncArticleAnnotations } from "./annotations";
import { CONSENSUS } from "../coding/status";
import { fillMissingThemeRows } from "./article-stats";
import type { PlannedAnnotation, PlannedArticle, SeedPlan } from "../corpus/seed";

export type SeedChanges = {
  themes: number;
  organizations: number;
  articles: number;
  annotationsAdded: number;
  annotationsRemoved: number;
  statsChanged: number;
};

type Tx = Prisma.TransactionClient;

function differs<T extends object>(row: T, want: Partial<T>): boolean {
  return Object.entries(want).some(([k, v]) => row[k as keyof T] !== v);
}

/** Seed articles written per transaction: small enough that no reader waits long for one. */
export const SEED_ARTICLES_PER_TRANSACTION = 25;
const TX = { timeout: 60_000, maxWait: 10_000 };

const noChanges = (): SeedChanges => ({ themes: 0, organizations: 0, articles: 0, annotationsAdded: 0, annotationsRemoved: 0, statsChanged: 0 });

function add(to: SeedChanges, more: SeedChanges): void {
  for (const k of Object.keys(to) as (keyof SeedChanges)[]) to[k] += more[k];
}

export async function writeSeedPlan(prisma: PrismaClient, plan: SeedPlan): Promise<SeedChanges> {
  const changes = noChanges();
  // Each attempt counts its own changes, so a retried transaction is not counted twice.
  const head = await withBusyRetry("seed: codebook and organizations", () =>
    prisma.$transaction(async (tx) => {
      const counted = noChanges();
      const ids = await syncCodebookAndOrganizations(tx, plan, counted);
      return { ...ids, counted };
    }, TX),
  );
  add(changes, head.counted);
  const { themeIds, orgIds } = head;
  for (let i = 0; i < plan.articles.length; i += SEED_ARTICLES_PER_TRANSACTION) {
    const batch = plan.articles.slice(i, i + SEED_ARTICLES_PER_TRANSACTION);
    const counted = await withBusyRetry(`seed: articles ${i + 1} to ${i + batch.length}`, () =>
      prisma.$transaction(async (tx) => {
        const c = noChanges();
        await syncArticles(tx, batch, themeIds, orgIds, c);
        return c;
      }, TX),
    );
    add(changes, counted);
  }
  changes.statsChanged += await fillMissingThemeRows(prisma);
  return changes;
}

async function syncCodebookAndOrganizations(
  tx: Tx,
  plan: SeedPlan,
  changes: SeedChanges,
): Promise<{ themeIds: Map<string, number>; orgIds: Map<string, number> }> {
  const codebook = await tx.codebook.findUnique({ where: { id: 1 } });
  if (codebook?.version !== plan.codebook.version) {
    await tx.codebook.upsert({ where: { id: 1 }, create: { version: plan.codebook.version }, update: { version: plan.codebook.version } });
  }

  const themeIds = new Map<string, number>();
  const existingThemes = new Map((await tx.theme.findMany()).map((t) => [t.slug, t]));
  for (const t of plan.codebook.themes) {
    const want = {
      name: t.name,
      definition: t.definition,
      cues: JSON.stringify(t.cues),
      boundaries: JSON.stringify(t.boundaries),
      colour: t.colour,
      order: t.order,
    };
    const row = existingThemes.get(t.slug);
    if (!row) {
      const created = await tx.theme.create({ data: { slug: t.slug, ...want } });
      themeIds.set(t.slug, created.id);
      changes.themes++;
    } else {
      themeIds.set(t.slug, row.id);
      if (differs(row, want)) {
        await tx.theme.update({ where: { id: row.id }, data: want });
        changes.themes++;
      }
    }
  }
  // The codebook is the source of truth for themes: one dropped from it goes, with its tags.
  for (const [slug, row] of existingThemes) {
    if (themeIds.has(slug)) continue;
    await tx.articleTheme.deleteMany({ where: { themeId: row.id } });
    const removed = await tx.annotation.deleteMany({ where: { themeId: row.id } });
    changes.annotationsRemoved += removed.count;
    await tx.theme.delete({ where: { id: row.id } });
    changes.themes++;
  }

  const orgIds = new Map<string, number>();
  const existingOrgs = new Map((await tx.organization.findMany()).map((o) => [o.slug, o]));
  for (const o of plan.organizations) {
    const want = { name: o.name, kind: o.kind, aliases: JSON.stringify(o.aliases) };
    const row = existingOrgs.get(o.slug);
    if (!row) {
      orgIds.set(o.slug, (await tx.organization.create({ data: { slug: o.slug, ...want } })).id);
      changes.organizations++;
    } else {
      orgIds.set(o.slug, row.id);
      if (differs(row, want)) {
        await tx.organization.update({ where: { id: row.id }, data: want });
        changes.organizations++;
      }
    }
  }
  for (const [slug, row] of existingOrgs) if (!orgIds.has(slug)) orgIds.set(slug, row.id);
  return { themeIds, orgIds };
}

async function syncArticles(
  tx: Tx,
  articles: readonly PlannedArticle[],
  themeIds: ReadonlyMap<string, number>,
  orgIds: ReadonlyMap<string, number>,
  changes: SeedChanges,
): Promise<void> {
  const existingArticles = new Map(
    (await tx.article.findMany({ where: { slug: { in: articles.map((a) => a.slug) } } })).map((a) => [a.slug, a]),
  );
  for (const a of articles) {
    const want = {
      title: a.title,
      titleNote: a.titleNote,
      body: a.body,
      wordCount: a.wordCount,
      contentHash: a.contentHash,
      dateStart: a.dateStart,
      dateEnd: a.dateEnd,
      datePrecision: a.datePrecision,
      dateNote: a.dateNote,
      dateBasis: a.dateBasis,
      codingStatus: a.codingStatus,
      sourceId: orgIds.get(a.source)!,
      publisherId: a.publisher === null ? null : orgIds.get(a.publisher)!,
      url: a.url,
      attribution: a.attribution,
    };
    let row = existingArticles.get(a.slug);
    let touched = true;
    if (!row) row = await tx.article.create({ data: { slug: a.slug, ...want } });
    else if (differs(row, want)) row = await tx.article.update({ where: { id: row.id }, data: want });
    else touched = false;
    const articleId = row.id;

    const wantMentions = new Set(a.mentions.map((m) => orgIds.get(m)!));
    const haveMentions = new Set(
      (await tx.articleMention.findMany({ where: { articleId } })).map((m) => m.organizationId),
    );
    const addMentions = [...wantMentions].filter((id) => !haveMentions.has(id));
    const dropMentions = [...haveMentions].filter((id) => !wantMentions.has(id));
    if (addMentions.length) await tx.articleMention.createMany({ data: addMentions.map((organizationId) => ({ articleId, organizationId })) });
    if (dropMentions.length) await tx.articleMention.deleteMany({ where: { articleId, organizationId: { in: dropMentions } } });
    if (touched || addMentions.length || dropMentions.length) changes.articles++;

    // The consensus, then every coder's own coding; a coder the seed files no longer name goes.
    const codings: [string, readonly PlannedAnnotation[]][] = [[CONSENSUS, a.annotations], ...[...a.codings].map(([c, k]) => [c, k.annotations] as [string, PlannedAnnotation[]])];
    const stale = (await tx.annotation.findMany({ where: { articleId }, select: { coder: true }, distinct: ["coder"] })).map((r) => r.coder).filter((c) => !codings.some(([k]) => k === c));
    for (const [coder, passages] of [...codings, ...stale.map((c) => [c, []] as [string, PlannedAnnotation[]])]) {
      const synced = await syncArticleAnnotations(tx, { id: articleId, body: a.body }, passages, themeIds, coder);
      changes.annotationsAdded += synced.added;
      changes.annotationsRemoved += synced.removed;
      changes.statsChanged += synced.statsChanged;
    }
    if (stale.length) await tx.articleTheme.deleteMany({ where: { articleId, coder: { in: stale } } });
    const haveCodings = new Map((await tx.articleCoding.findMany({ where: { articleId } })).map((c) => [c.coder, c]));
    for (const [coder, k] of a.codings) {
      if (haveCodings.get(coder)?.status === k.status) continue;
      await tx.articleCoding.upsert({
        where: { articleId_coder: { articleId, coder } },
        create: { articleId, coder, status: k.status, updatedAt: new Date().toISOString() },
        update: { status: k.status, updatedAt: new Date().toISOString() },
      });
      changes.articles++;
    }
    // The recorded decisions: replaced as a whole when they differ from the log.
    const key = (d: { theme: string; decision: string; coderA: string; coderB: string; from: string; result: string; adjudicator: string; reason: string | null; at: string }) =>
      JSON.stringify([d.theme, d.decision, d.coderA, d.coderB, d.from, d.result, d.adjudicator, d.reason, d.at]);
    const wantAdj = a.adjudications.map((d) => ({ ...d, from: JSON.stringify(d.from), result: JSON.stringify(d.result) }));
    const haveAdj = await tx.adjudication.findMany({ where: { articleId }, orderBy: { id: "asc" } });
    if (haveAdj.map((d) => key({ ...d, from: d.fromPassages })).join("\n") !== wantAdj.map(key).join("\n")) {
      await tx.adjudication.deleteMany({ where: { articleId } });
      if (wantAdj.length) {
        await tx.adjudication.createMany({
          data: wantAdj.map((d) => ({ articleId, theme: d.theme, decision: d.decision, coderA: d.coderA, coderB: d.coderB, fromPassages: d.from, result: d.result, adjudicator: d.adjudicator, reason: d.reason, at: d.at })),
        });
      }
      changes.articles++;
    }
    const goneCodings = [...haveCodings.keys()].filter((c) => !a.codings.has(c));
    if (goneCodings.length) await tx.articleCoding.deleteMany({ where: { articleId, coder: { in: goneCodings } } });
  }
}
