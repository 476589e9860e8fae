import "server-only";
// Which themes appear together, over the counted articles in view: for every pair of
// themes, the passages that carry both (the same stretch of text, tagged with each: same
// article, same start and end) and the articles that have passages of both. The diagonal
// (a = a) is each theme's own total: its passages and the articles with it.
import { Prisma } from "../../generated/prisma/client";
import type { Filters } from "../filters/schema";
import { coderOf, metricConditions, type PassageRow, type ThemeRef } from "./analytics";
import { prisma } from "../db/client";

const n = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));

export type CooccurrenceCell = { a: string; b: string; passages: number; articles: number };
export type Cooccurrence = { themes: ThemeRef[]; cells: CooccurrenceCell[] };

function conditions(f: Filters): Prisma.Sql {
  const c = [...metricConditions(f), Prisma.sql`p.coder = ${coderOf(f)}`];
  if (f.themes.length) c.push(Prisma.sql`t.slug IN (${Prisma.join(f.themes)})`);
  return Prisma.join(c, " AND ");
}

/** One cell per unordered pair of the selected themes (codebook order, a before b), diagonal included. */
export async function getCooccurrence(f: Filters): Promise<Cooccurrence> {
  const themes = await prisma.theme.findMany({
    where: f.themes.length ? { slug: { in: f.themes } } : undefined,
    orderBy: { order: "asc" },
    select: { slug: true, name: true, colour: true },
  });
  const own = await prisma.$queryRaw<{ theme: string; passages: bigint; articles: bigint }[]>`
    SELECT t.slug AS theme, COUNT(*) AS passages, COUNT(DISTINCT p."articleId") AS articles
    FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId" JOIN "Theme" t ON t.id = p."themeId"
    WHERE ${conditions(f)} GROUP BY t.id`;
  const spans = await prisma.$queryRaw<{ a: string; b: string; passages: bigint }[]>`
    WITH s AS (
      SELECT DISTINCT p."articleId" AS article, p.start AS start, p."end" AS "end", t.slug AS theme, t."order" AS ord
      FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId" JOIN "Theme" t ON t.id = p."themeId"
      WHERE ${conditions(f)})
    SELECT x.theme AS a, y.theme AS b, COUNT(*) AS passages
    FROM s x JOIN s y ON y.article = x.article AND y.start = x.start AND y."end" = x."end" AND y.ord > x.ord
    GROUP BY x.theme, y.theme`;
  const articles = await prisma.$queryRaw<{ a: string; b: string; articles: bigint }[]>`
    WITH s AS (
      SELECT DISTINCT p."articleId" AS article, t.slug AS theme, t."order" AS ord
      FROM "Annotation" p JOIN "Article" a ON a.id = p."articleId" JOIN "Theme" t ON t.id = p."themeId"
      WHERE ${conditions(f)})
    SELECT x.theme AS a, y.theme AS b, COUNT(*) AS articles
    FROM s x JOIN s y ON y.article = x.article AND y.ord > x.ord
    GROUP BY x.theme, y.theme`;
  const key = (a: string, b: string) => `${a}|${b}`;
  const ownBy = new Map(own.map((r) => [r.theme, r]));
  const spanBy = new Map(spans.map((r) => [key(r.a, r.b), n(r.passages)]));
  const articleBy = new Map(articles.map((r) => [key(r.a, r.b), n(r.articles)]));
  const cells: CooccurrenceCell[] = [];
  themes.forEach((ta, i) =>
    themes.slice(i).forEach((tb) => {
      if (ta.slug === tb.slug) {
        const o = ownBy.get(ta.slug);
        cells.push({ a: ta.slug, b: tb.slug, passages: n(o?.passages), articles: n(o?.articles) });
      } else {
        const k = key(ta.slug, tb.slug);
        cells.push({ a: ta.slug, b: tb.slug, passages: spanBy.get(k) ?? 0, articles: articleBy.get(k) ?? 0 });
      }
    }),
  );
  return { themes, cells };
}

/** The passages behind one cell: of theme a whose very span is also tagged b (for a = b, every passage of a). */
export async function getCooccurrencePassages(f: Filters, a: string, b: string, limit = 200): Promise<{ total: number; passages: PassageRow[] }> {
  const both =
    a === b
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM "Annotation" q JOIN "Theme" tq ON tq.id = q."themeId"
          WHERE q."articleId" = p."articleId" AND q.coder = p.coder AND q.start = p.start AND q."end" = p."end" AND tq.slug = ${b})`;
  const from = Prisma.sql`FROM "Annotation" p
    JOIN "Article" a ON a.id = p."articleId" JOIN "Theme" t ON t.id = p."themeId"
    JOIN "Organization" o ON o.id = a."sourceId" LEFT JOIN "Organization" pub ON pub.id = a."publisherId"
    WHERE ${Prisma.join(metricConditions(f), " AND ")} AND p.coder = ${coderOf(f)} AND t.slug = ${a} ${both}`;
  const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total ${from}`;
  const rows = await prisma.$queryRaw<PassageRow[]>`
    SELECT p.id AS id, a.slug AS "articleSlug", a.title AS "articleTitle", a."dateStart" AS "dateStart",
      a."datePrecision" AS "datePrecision", a."dateBasis" AS "dateBasis", o.slug AS source, o.name AS "sourceName", pub.slug AS publisher,
      t.slug AS theme, p.quote AS quote, p.start AS start, p."end" AS "end", p.annotator AS annotator
    ${from}
    ORDER BY a."dateStart" IS NULL, a."dateStart", a.slug, p.start LIMIT ${limit}`;
  return { total: n(count?.total), passages: rows.map((r) => ({ ...r, id: n(r.id), start: n(r.start), end: n(r.end) })) };
}
