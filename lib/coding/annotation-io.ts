// Annotation files in and out of the database, for review in version control and for
// sharing tags between analysts. Loading validates every file first and writes all of them
// in one transaction, or nothing.
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";
import { annotationsFile, resolveEntries, serializeAnnotations, type ResolvedAnnotation } from "./annotation-file";
import { syncArticleAnnotations } from "../writes/annotations";
import type { CodingStatus } from "./status";
import { withBusyRetry } from "../db/retry";
import { readTextFile } from "../corpus/read-text";

/** Article slug -> file text, for every article (or the ones named). */
export async function exportAnnotations(prisma: PrismaClient, slugs?: readonly string[]): Promise<Map<string, string>> {
  const [themes, articles] = await Promise.all([
    prisma.theme.findMany({ orderBy: { order: "asc" }, select: { slug: true } }),
    prisma.article.findMany({
      where: slugs ? { slug: { in: [...slugs] } } : undefined,
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        body: true,
        codingStatus: true,
        annotations: { select: { start: true, end: true, quote: true, annotator: true, note: true, theme: { select: { slug: true } } } },
      },
    }),
  ]);
  const order = themes.map((t) => t.slug);
  return new Map(
    articles.map((a) => [
      a.slug,
      serializeAnnotations(
        { ...a, codingStatus: a.codingStatus as CodingStatus },
        a.annotations.map((x): ResolvedAnnotation => ({ theme: x.theme.slug, start: x.start, end: x.end, quote: x.quote, annotator: x.annotator, note: x.note })),
        order,
      ),
    ]),
  );
}

export type LoadResult =
  | { ok: true; files: { file: string; article: string; added: number; removed: number }[] }
  | { ok: false; errors: string[] };

export async function loadAnnotationFiles(prisma: PrismaClient, files: readonly string[]): Promise<LoadResult> {
  const errors: string[] = [];
  const themes = await prisma.theme.findMany({ select: { id: true, slug: true } });
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const plans: { file: string; article: { id: number; slug: string; body: string }; status?: CodingStatus; annotations: ResolvedAnnotation[] }[] = [];
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
    if (seenArticles.has(slug)) {
      errors.push(`${label}: article: "${slug}" is also loaded from ${seenArticles.get(slug)}`);
      continue;
    }
    seenArticles.set(slug, label);
    const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, slug: true, body: true } });
    if (!article) {
      errors.push(`${label}: article: no article "${slug}" in the database`);
      continue;
    }
    const resolved = resolveEntries(parsed.data.annotations, article.body, new Set(themeIds.keys()));
    errors.push(...resolved.errors.map((e) => `${label}: ${e}`));
    plans.push({ file: label, article, status: parsed.data.status, annotations: resolved.annotations });
  }
  if (errors.length) return { ok: false, errors };

  const results = await withBusyRetry("loading annotation files", () => prisma.$transaction(
    async (tx) => {
      const out: { file: string; article: string; added: number; removed: number }[] = [];
      for (const p of plans) {
        const r = await syncArticleAnnotations(tx, p.article, p.annotations, themeIds);
        // A file without "status" leaves the article's coding status as it is.
        if (p.status) await tx.article.update({ where: { id: p.article.id }, data: { codingStatus: p.status } });
        out.push({ file: p.file, article: p.article.slug, added: r.added, removed: r.removed });
      }
      return out;
    },
    { timeout: 120_000 },
  ));
  return { ok: true, files: results };
}
