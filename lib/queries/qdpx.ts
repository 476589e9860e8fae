// Everything a REFI-QDA project export holds, read in one go and in a fixed order (themes in
// codebook order, articles by slug, passages in text order), so the same database always
// gives the same file. Takes the client so the export script and the download route share it.
import type { PrismaClient } from "../../generated/prisma/client";
import { csvDate } from "../measure/totals";

export type QdpxTheme = { slug: string; name: string; colour: string; definition: string };
export type QdpxPassage = { themeSlug: string; start: number; end: number; quote: string; annotator: string; note: string | null };
export type QdpxArticle = {
  slug: string;
  title: string;
  body: string;
  /** as precise as it is known: "2023-04-18", "2023-04", "2022" or "" */
  date: string;
  datePrecision: string;
  dateBasis: string | null;
  dateNote: string;
  codingStatus: string;
  source: string;
  publisher: string | null;
  url: string | null;
  passages: QdpxPassage[];
};
export type QdpxProject = { themes: QdpxTheme[]; articles: QdpxArticle[] };

export async function getQdpxProject(prisma: PrismaClient): Promise<QdpxProject> {
  const themes = await prisma.theme.findMany({ orderBy: [{ order: "asc" }, { slug: "asc" }] });
  const order = new Map(themes.map((t) => [t.slug, t.order]));
  const articles = await prisma.article.findMany({
    orderBy: { slug: "asc" },
    include: {
      source: { select: { name: true } },
      publisher: { select: { name: true } },
      // The consensus coding: what the charts show (each passage's annotator becomes a REFI User).
      annotations: { where: { coder: "consensus" }, include: { theme: { select: { slug: true } } } },
    },
  });
  return {
    themes: themes.map((t) => ({ slug: t.slug, name: t.name, colour: t.colour, definition: t.definition })),
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      body: a.body,
      date: csvDate(a.dateStart, a.datePrecision),
      datePrecision: a.datePrecision,
      dateBasis: a.dateBasis,
      dateNote: a.dateNote,
      codingStatus: a.codingStatus,
      source: a.source.name,
      publisher: a.publisher?.name ?? null,
      url: a.url,
      passages: a.annotations
        .map((p) => ({ themeSlug: p.theme.slug, start: p.start, end: p.end, quote: p.quote, annotator: p.annotator, note: p.note }))
        .sort(
          (x, y) =>
            x.start - y.start ||
            x.end - y.end ||
            (order.get(x.themeSlug) ?? 0) - (order.get(y.themeSlug) ?? 0) ||
            x.annotator.localeCompare(y.annotator, "en") ||
            (x.note ?? "").localeCompare(y.note ?? "", "en"),
        ),
    })),
  };
}
