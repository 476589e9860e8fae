// The writes behind tagging in the reader: each validates against the article's text and
// the codebook, then changes passages and per-theme totals in one transaction. They own the
// client and the transaction, so route handlers only parse and answer.
import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "../db/client";
import { periodOf } from "../measure/dates";
import { snapToWords } from "../coding/snap";
import { countWords } from "../measure/words";
import type { CodingStatusEdit, MetadataEdit, NewPassage, PassageEdit } from "../coding/schemas";
import { fail, retried, type WriteResult } from "./result";
import { afterCodingChange, ensureCoding, recordEvent, setStatus, type PassageState } from "./codings";

/** More to write in the passage's own transaction (a suggestion's decision), once the passage is in. */
export type AlsoInTransaction = (tx: Prisma.TransactionClient, passage: { articleId: number; coder: string; ids: number[] }) => Promise<void>;

export async function addPassage(slug: string, p: NewPassage, also?: AlsoInTransaction): Promise<WriteResult<{ ids: number[]; start: number; end: number; quote: string; coder: string }>> {
  return retried("tagging a passage", () => addPassageOnce(slug, p, also));
}

async function addPassageOnce(slug: string, p: NewPassage, also?: AlsoInTransaction): Promise<WriteResult<{ ids: number[]; start: number; end: number; quote: string; coder: string }>> {
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, body: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  // Offsets past the text are a client error, not "the rest of the article".
  if (p.end > article.body.length) return fail(400, "end", `must be at most ${article.body.length}, the length of the article's text`);
  if (p.start >= p.end) return fail(400, "end", "must be after start");
  const span = snapToWords(article.body, p.start, p.end);
  if (!span) return fail(400, "start", "the selection holds no words of the article");
  const themes = await prisma.theme.findMany({ where: { slug: { in: p.themes } }, select: { id: true, slug: true } });
  const unknown = p.themes.filter((t) => !themes.some((x) => x.slug === t));
  if (unknown.length) return fail(400, "themes", `unknown theme${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  const coder = p.coder ?? p.annotator;
  const quote = article.body.slice(span.start, span.end);
  const ids = await prisma.$transaction(async (tx) => {
    await ensureCoding(tx, article.id, coder);
    const existing = await tx.annotation.findMany({ where: { articleId: article.id, coder, start: span.start, end: span.end }, select: { themeId: true } });
    const created: number[] = [];
    for (const t of themes) {
      if (existing.some((e) => e.themeId === t.id)) continue; // already tagged with this theme
      const row = await tx.annotation.create({
        data: { articleId: article.id, coder, themeId: t.id, start: span.start, end: span.end, quote, words: countWords(quote), annotator: p.annotator, note: p.note || null },
      });
      created.push(row.id);
      await recordEvent(tx, { articleId: article.id, annotationId: row.id, coder, who: p.annotator, action: "create", before: null, after: { theme: t.slug, ...span, quote, note: p.note || null } });
    }
    await afterCodingChange(tx, article.id, coder);
    await also?.(tx, { articleId: article.id, coder, ids: created });
    return created;
  });
  return { ok: true, value: { ids, ...span, quote, coder } };
}

const stateOf = async (row: { themeId: number; start: number; end: number; quote: string; note: string | null }): Promise<PassageState> => ({
  theme: (await prisma.theme.findUniqueOrThrow({ where: { id: row.themeId }, select: { slug: true } })).slug,
  start: row.start,
  end: row.end,
  quote: row.quote,
  note: row.note,
});

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
    const twin = await prisma.annotation.findFirst({ where: { articleId: row.articleId, coder: row.coder, start: row.start, end: row.end, themeId: theme.id, NOT: { id } } });
    if (twin) return fail(400, "theme", "this passage already carries that theme");
    themeId = theme.id;
  }
  const before = await stateOf(row);
  const note = e.note === undefined ? row.note : e.note || null;
  const after = await stateOf({ ...row, themeId, note });
  await prisma.$transaction(async (tx) => {
    await tx.annotation.update({ where: { id }, data: { themeId, note, annotator: e.annotator } });
    await recordEvent(tx, { articleId: row.articleId, annotationId: id, coder: row.coder, who: e.annotator, action: "update", before, after });
    await afterCodingChange(tx, row.articleId, row.coder);
  });
  return { ok: true, value: { id } };
}

export async function deletePassage(id: number, who: string): Promise<WriteResult<{ id: number }>> {
  return retried("deleting a passage", () => deletePassageOnce(id, who));
}

async function deletePassageOnce(id: number, who: string): Promise<WriteResult<{ id: number }>> {
  const row = await prisma.annotation.findUnique({ where: { id } });
  if (!row) return fail(404, "id", `no passage ${id}`);
  const before = await stateOf(row);
  await prisma.$transaction(async (tx) => {
    await tx.annotation.delete({ where: { id } });
    await recordEvent(tx, { articleId: row.articleId, annotationId: id, coder: row.coder, who, action: "delete", before, after: null });
    await afterCodingChange(tx, row.articleId, row.coder);
  });
  return { ok: true, value: { id } };
}

/** Reverts the latest change this person made to the article's passages that is not yet undone. */
export async function undoLast(slug: string, who: string): Promise<WriteResult<{ undone: number; action: string }>> {
  return retried("undoing a change", () => undoLastOnce(slug, who));
}

async function undoLastOnce(slug: string, who: string): Promise<WriteResult<{ undone: number; action: string }>> {
  const article = await prisma.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) return fail(404, "article", `no article "${slug}"`);
  const events = await prisma.annotationEvent.findMany({ where: { articleId: article.id, who }, orderBy: { id: "desc" }, take: 200 });
  const undone = new Set(events.filter((e) => e.undoes !== null).map((e) => e.undoes));
  const last = events.find((e) => e.action !== "undo" && !undone.has(e.id));
  if (!last) return fail(400, "history", `nothing of ${who}'s to undo on this article`);
  const state = (j: string | null) => (j ? (JSON.parse(j) as PassageState) : null);
  const [before, after] = [state(last.before), state(last.after)];
  await prisma.$transaction(async (tx) => {
    if (last.action === "create" && last.annotationId !== null) {
      await tx.annotation.deleteMany({ where: { id: last.annotationId } });
    } else if (before) {
      const theme = await tx.theme.findUniqueOrThrow({ where: { slug: before.theme } });
      const data = { themeId: theme.id, start: before.start, end: before.end, quote: before.quote, words: countWords(before.quote), note: before.note };
      const alive = last.annotationId !== null && (await tx.annotation.findUnique({ where: { id: last.annotationId } }));
      if (alive) await tx.annotation.update({ where: { id: last.annotationId! }, data });
      else await tx.annotation.create({ data: { ...data, articleId: article.id, coder: last.coder, annotator: who } });
    }
    await recordEvent(tx, { articleId: article.id, annotationId: last.annotationId, coder: last.coder, who, action: "undo", before: after, after: before, undoes: last.id });
    await afterCodingChange(tx, article.id, last.coder);
  });
  return { ok: true, value: { undone: last.id, action: last.action } };
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
  const coder = e.coder ?? e.annotator;
  await prisma.$transaction((tx) => setStatus(tx, article.id, coder, e.status));
  return { ok: true, value: { slug, status: e.status } };
}
