import "server-only";
// Two views side by side (two periods, or two sources): each theme's value over all the
// counted articles of a side, with its 95% interval, the difference b - a, and whether the
// two intervals overlap. Sums over ArticleTheme, as every chart number.
import { Prisma } from "../../generated/prisma/client";
import type { Filters } from "../filters/schema";
import { sideFilters, type Side } from "../filters/compare";
import { metricInterval, type Interval } from "../measure/intervals";
import { metricValue, round, ZERO, type Totals } from "../measure/totals";
import { coderOf, metricConditions, type ThemeRef } from "./analytics";
import { prisma } from "../db/client";

const n = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));

export type SideCell = Totals & { value: number | null; ci: Interval | null };
export type CompareRow = { theme: string; a: SideCell; b: SideCell; difference: number | null; overlap: boolean | null };
export type Comparison = { metric: Filters["metric"]; a: Side & { articles: number }; b: Side & { articles: number }; themes: ThemeRef[]; rows: CompareRow[] };

async function sideTotals(f: Filters): Promise<{ articles: number; base: Totals; byTheme: Map<string, Totals> }> {
  const conds = Prisma.join(metricConditions(f), " AND ");
  const [d] = await prisma.$queryRaw<{ articles: bigint; words: bigint; ww: bigint }[]>`
    SELECT COUNT(*) AS articles, SUM(a."wordCount") AS words, SUM(a."wordCount" * a."wordCount") AS ww FROM "Article" a WHERE ${conds}`;
  const rows = await prisma.$queryRaw<{ theme: string; tagged: bigint; passages: bigint; withTheme: bigint; tt: bigint; tw: bigint }[]>`
    SELECT t.slug AS theme, SUM(s."taggedWords") AS tagged, SUM(s.passages) AS passages,
      SUM(CASE WHEN s.passages > 0 THEN 1 ELSE 0 END) AS "withTheme",
      SUM(s."taggedWords" * s."taggedWords") AS tt, SUM(s."taggedWords" * a."wordCount") AS tw
    FROM "Article" a JOIN "ArticleTheme" s ON s."articleId" = a.id AND s.coder = ${coderOf(f)} JOIN "Theme" t ON t.id = s."themeId"
    WHERE ${conds} GROUP BY t.id`;
  const base = { ...ZERO, articles: n(d?.articles), words: n(d?.words), wordsSq: n(d?.ww) };
  const byTheme = new Map(
    rows.map((r) => [
      r.theme,
      { ...base, taggedWords: n(r.tagged), passages: n(r.passages), articlesWithTheme: n(r.withTheme), taggedSq: n(r.tt), taggedWordsCross: n(r.tw) },
    ]),
  );
  return { articles: base.articles, base, byTheme };
}

export function intervalsOverlap(a: Interval | null, b: Interval | null): boolean | null {
  if (!a || !b) return null;
  return a.low <= b.high && b.low <= a.high;
}

export async function getComparison(f: Filters, a: Side, b: Side): Promise<Comparison> {
  const themes = await prisma.theme.findMany({
    where: f.themes.length ? { slug: { in: f.themes } } : undefined,
    orderBy: { order: "asc" },
    select: { slug: true, name: true, colour: true },
  });
  const [ta, tb] = await Promise.all([sideTotals(sideFilters(f, a)), sideTotals(sideFilters(f, b))]);
  const cell = (side: typeof ta, theme: string): SideCell => {
    // A theme without ArticleTheme rows on a side: its articles and words, nothing tagged.
    const t = side.byTheme.get(theme) ?? side.base;
    return { ...t, value: metricValue(f.metric, t), ci: metricInterval(f.metric, t) };
  };
  const rows = themes.map((t) => {
    const ca = cell(ta, t.slug);
    const cb = cell(tb, t.slug);
    return {
      theme: t.slug,
      a: ca,
      b: cb,
      difference: ca.value === null || cb.value === null ? null : round(cb.value - ca.value),
      overlap: intervalsOverlap(ca.ci, cb.ci),
    };
  });
  return { metric: f.metric, a: { ...a, articles: ta.articles }, b: { ...b, articles: tb.articles }, themes, rows };
}
