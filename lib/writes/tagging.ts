// The writes behind tagging in the reader: each validates against the article's text and
// the codebook, then changes passages and per-theme totals in one transaction. They own the
// client and the transaction, so route handlers only parse and answer.
import "server-only";
import { prisma } from "../db/client";
import { periodOf } from "../measure/dates";
import { snapToWords } from "../coding/snap";
import type { CodingStatusEdit, MetadataEdit, NewPassage, PassageEdit } from "../coding/schemas";
import { DatabaseBusyError, withBusyRetry } from "../db/retry";
import { refreshArticleStats } from "./article-stats";

/** 503: another writer (an import, a seed) kept the database locked through every retry. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 503; issues: { field: string; message: string }[] };

const fail = (status: 400 | 404 | 503, field: string, message: string): WriteResult<never> => ({ ok: false, status, issues: [{ field, message }] });

/** The write, retried while the database is busy; still busy after that is a 503 with the reason, never a 500. */
async function retried<T>(what: string, write: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    return await withBusyRetry(what, write);
  } catch (e) {
    if (e instanceof DatabaseBusyError) return fail(503, "database", e.message);
    throw e;
  }
}

export async function addPassage(slug: string, p: NewPassage): Promise<WriteResult<{ ids: number[]; start: number; end: number; quote: string }>> {
  return retried("tagging a passage", () => addPassageOnce(slug, p));
}

async function addPassageOnce(slug: string, p: NewPassage): Promise<WriteResult<{ ids: number[]; start: number; end: number; quote: string }>> {
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, body: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  const span = snapToWords(article.body, p.start, Math.min(p.end, article.body.length));
  if (!span) return fail(400, "start", "the selection holds no words of the article");
  const themes = await prisma.theme.findMany({ where: { slug: { in: p.themes } }, select: { id: true, slug: true } });
  const unknown = p.themes.filter((t) => !themes.some((x) => x.slug === t));
  if (unknown.length) return fail(400, "themes", `unknown theme${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  const quote = article.body.slice(span.start, span.end);
  const ids = await prisma.$transaction(async (tx) => {
    const existing = await tx.annotation.findMany({ where: { articleId: article.id, start: span.start, end: span.end }, select: { themeId: true } });
    const created: number[] = [];
    for (const t of themes) {
      if (existing.some((e) => e.themeId === t.id)) continue; // already tagged with this theme
      const row = await tx.annotation.create({
        data: { articleId: article.id, themeId: t.id, start: span.start, end: span.end, quote, annotator: p.annotator, note: p.note || null },
      });
      created.push(row.id);
    }
    await refreshArticleStats(tx, article.id);
    return created;
  });
  return { ok: true, value: { ids, ...span, quote } };
}

export async function editPassage(id: number, e: PassageEdit): Promise<WriteResult<{ id: number }>> {
  return retried("editing a passage", () => editPassageOnce(id, e));
}

async function editPassageOnce(id: number, e: PassageEdit): Promise<WriteResult<{ id: number }>> {
  const row = await prisma.annotation.findUnique({ where: { id } });
  if (!row) return fail(404, "id", `no passage ${id}`);
  let themeId = row.themeId;
  if (e.theme) {
    const theme = await prisma.theme.findUnique({ where: { slug: e.theme } });
    if (!theme) return fail(400, "theme", `unknown theme "${e.theme}"`);
    const twin = await prisma.annotation.findFirst({ where: { articleId: row.articleId, start: row.start, end: row.end, themeId: theme.id, NOT: { id } } });
    if (twin) return fail(400, "theme", "this passage already carries that theme");
    themeId = theme.id;
  }
  await prisma.$transaction(async (tx) => {
    await tx.annotation.update({
      where: { id },
      data: { themeId, note: e.note === undefined ? row.note : e.note || null, annotator: e.annotator },
    });
    await refreshArticleStats(tx, row.articleId);
  });
  return { ok: true, value: { id } };
}

export async function deletePassage(id: number): Promise<WriteResult<{ id: number }>> {
  return retried("deleting a passage", () => deletePassageOnce(id));
}

async function deletePassageOnce(id: number): Promise<WriteResult<{ id: number }>> {
  const row = await prisma.annotation.findUnique({ where: { id } });
  if (!row) return fail(404, "id", `no passage ${id}`);
  await prisma.$transaction(async (tx) => {
    await tx.annotation.delete({ where: { id } });
    await refreshArticleStats(tx, row.articleId);
  });
  return { ok: true, value: { id } };
}

export async function editMetadata(slug: string, m: MetadataEdit): Promise<WriteResult<{ slug: string }>> {
  return retried("editing an article's details", () => editMetadataOnce(slug, m));
}

async function editMetadataOnce(slug: string, m: MetadataEdit): Promise<WriteResult<{ slug: string }>> {
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  const period = periodOf(m.date || null, m.datePrecision);
  if (typeof period === "string") return fail(400, "date", period);
  if (period && !m.dateBasis) return fail(400, "dateBasis", 'say whether the date is "stated" by the text or "inferred"');
  const [source, publisher] = await Promise.all([
    prisma.organization.findUnique({ where: { slug: m.source } }),
    m.publisher ? prisma.organization.findUnique({ where: { slug: m.publisher } }) : null,
  ]);
  if (!source) return fail(400, "source", `unknown organization "${m.source}"`);
  if (m.publisher && !publisher) return fail(400, "publisher", `unknown organization "${m.publisher}"`);
  await prisma.article.update({
    where: { id: article.id },
    data: {
      title: m.title,
      dateStart: period?.start ?? null,
      dateEnd: period?.end ?? null,
      datePrecision: m.datePrecision,
      dateNote: m.dateNote,
      dateBasis: period ? m.dateBasis : null,
      sourceId: source.id,
      publisherId: publisher?.id ?? null,
    },
  });
  return { ok: true, value: { slug } };
}

/** Where the coding of an article stands; "coded" and "reviewed" bring it into every theme metric. */
export async function setCodingStatus(slug: string, e: CodingStatusEdit): Promise<WriteResult<{ slug: string; status: string }>> {
  return retried("setting the coding status", () => setCodingStatusOnce(slug, e));
}

async function setCodingStatusOnce(slug: string, e: CodingStatusEdit): Promise<WriteResult<{ slug: string; status: string }>> {
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  await prisma.article.update({ where: { id: article.id }, data: { codingStatus: e.status } });
  return { ok: true, value: { slug, status: e.status } };
}
