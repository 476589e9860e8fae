// Annotation files in and out of the database, for review in version control and for
// sharing tags between analysts. Loading validates every file first and writes all of them
// in one transaction, or nothing.
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";
import { annotationsFile, resolveEntries, serializeAnnotations, type ResolvedAnnotation } from "./annotation-file";
import { syncArticleAnnotations } from "../writes/annotations";
import { CODER_NAME, CODER_NAME_HINT, CONSENSUS, type CodingStatus } from "./status";
import { afterCodingChange, ensureCoding, setStatus } from "../writes/codings";
import { withBusyRetry } from "../db/retry";
import { readTextFile } from "../corpus/read-text";

/** Where a coding's file goes in a seeds-like folder: codings/<coder>/<slug>.json or consensus/<slug>.json. */
export const codingFilePath = (slug: string, coder: string) => (coder === CONSENSUS ? `consensus/${slug}.json` : `codings/${coder}/${slug}.json`);

/**
 * Every coding of every article (or of the ones named) as annotation files: path -> text.
 * Each coder's coding goes to codings/<coder>/; the consensus goes to consensus/ where it is more
 * than a copy of the only coder's coding (several coders, or adjudicated).
 */
export async function exportAnnotations(prisma: PrismaClient, slugs?: readonly string[]): Promise<Map<string, { slug: string; coder: string; text: string }>> {
  const [themes, articles] = await Promise.all([
    prisma.theme.findMany({ orderBy: { order: "asc" }, select: { slug: true } }),
    prisma.article.findMany({
      where: slugs ? { slug: { in: [...slugs] } } : undefined,
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        body: true,
        codingStatus: true,
        codings: { select: { coder: true, status: true }, orderBy: { coder: "asc" } },
        _count: { select: { adjudications: true } },
        annotations: { select: { coder: true, start: true, end: true, quote: true, annotator: true, note: true, theme: { select: { slug: true } } } },
      },
    }),
  ]);
  const order = themes.map((t) => t.slug);
  const out = new Map<string, { slug: string; coder: string; text: string }>();
  for (const a of articles) {
    const codings: { coder: string; status: string }[] = [...a.codings];
    if (a.codings.length !== 1 || a._count.adjudications > 0) codings.push({ coder: CONSENSUS, status: a.codingStatus });
    for (const c of codings) {
      const passages = a.annotations.filter((x) => x.coder === c.coder);
      const text = serializeAnnotations(
        { slug: a.slug, body: a.body, coder: c.coder, codingStatus: c.status as CodingStatus },
        passages.map((x): ResolvedAnnotation => ({ theme: x.theme.slug, start: x.start, end: x.end, quote: x.quote, annotator: x.annotator, note: x.note })),
        order,
      );
      out.set(codingFilePath(a.slug, c.coder), { slug: a.slug, coder: c.coder, text });
    }
  }
  return out;
}

export type LoadResult =
  | { ok: true; files: { file: string; article: string; added: number; removed: number }[] }
  | { ok: false; errors: string[] };

export async function loadAnnotationFiles(prisma: PrismaClient, files: readonly string[]): Promise<LoadResult> {
  const errors: string[] = [];
  const themes = await prisma.theme.findMany({ select: { id: true, slug: true } });
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const plans: { file: string; coder: string; article: { id: number; slug: string; body: string }; status?: CodingStatus; annotations: ResolvedAnnotation[] }[] = [];
  const seenArticles = new Map<string, string>();

  for (const file of files) {
    const label = path.relative(process.cwd(), file) || file;
    const read = readTextFile(file);
    if (!read.ok) {
      errors.push(`${label}: (file): ${read.reason === "no such file" ? "file is missing" : read.reason}`);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(read.text);
    } catch (e) {
      errors.push(`${label}: (file): not valid JSON: ${(e as Error).message}`);
      continue;
    }
    const parsed = annotationsFile.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push(`${label}: ${i.path.map(String).join(".") || "(top level)"}: ${i.message}`);
      continue;
    }
    const slug = parsed.data.article;
    const coder = parsed.data.coder;
    if (!coder) {
      errors.push(`${label}: coder: say whose coding this is ("coder": a coder's name, or "consensus")`);
      continue;
    }
    if (coder !== CONSENSUS && !CODER_NAME.test(coder)) {
      errors.push(`${label}: coder: "${coder}" is not a coder's name (${CODER_NAME_HINT})`);
      continue;
    }
    const key = `${slug} ${coder}`;
    if (seenArticles.has(key)) {
      errors.push(`${label}: article: ${coder}'s coding of "${slug}" is also loaded from ${seenArticles.get(key)}`);
      continue;
    }
    seenArticles.set(key, label);
    const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, slug: true, body: true } });
    if (!article) {
      errors.push(`${label}: article: no article "${slug}" in the database`);
      continue;
    }
    const resolved = resolveEntries(parsed.data.annotations, article.body, new Set(themeIds.keys()));
    errors.push(...resolved.errors.map((e) => `${label}: ${e}`));
    plans.push({ file: label, coder, article, status: parsed.data.status, annotations: resolved.annotations });
  }
  if (errors.length) return { ok: false, errors };

  const results = await withBusyRetry("loading annotation files", () => prisma.$transaction(
    async (tx) => {
      const out: { file: string; article: string; added: number; removed: number }[] = [];
      for (const p of plans) {
        if (p.coder !== CONSENSUS) await ensureCoding(tx, p.article.id, p.coder);
        const r = await syncArticleAnnotations(tx, p.article, p.annotations, themeIds, p.coder);
        // A file without "status" leaves the coding's status as it is.
        if (p.status) await setStatus(tx, p.article.id, p.coder, p.status);
        await afterCodingChange(tx, p.article.id, p.coder);
        out.push({ file: p.file, article: p.article.slug, added: r.added, removed: r.removed });
      }
      return out;
    },
    { timeout: 120_000 },
  ));
  return { ok: true, files: results };
}
