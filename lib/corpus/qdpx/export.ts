// Writes a REFI-QDA Project Exchange file (.qdpx): a ZIP of project.qde (QDA-XML in namespace
// urn:QDA-XML:project:1.0, built with fast-xml-parser's builder so every name and text is
// escaped by the library) and sources/<guid>.txt with each article's plain text (UTF-8, LF).
// Element order follows the standard's XSD (Project-mrt2019.xsd). Positions are code points.
// Nothing in the file depends on the clock: GUIDs come from stable keys and every ZIP entry
// carries the same fixed time, so an unchanged project exports to identical bytes.
import { XMLBuilder } from "fast-xml-parser";
import { zipSync, strToU8 } from "fflate";
import { coderForAnnotator } from "../../coding/coders";
import type { QdpxArticle, QdpxProject } from "../../queries/qdpx";
import { stableGuid } from "./guid";
import { utf16ToCodePoint } from "./offsets";

export const QDA_PROJECT_NS = "urn:QDA-XML:project:1.0";
export const QDA_CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";
export const PROJECT_NAME = "Policy Theme Tracker";

/** Article metadata carried as Text variables on each TextSource, in this order. */
export const ARTICLE_VARIABLES = ["title", "slug", "date", "date_precision", "date_basis", "date_note", "coding_status", "source", "publisher", "url"] as const;
export type ArticleVariable = (typeof ARTICLE_VARIABLES)[number];

/** The one time every ZIP entry carries (DOS time starts in 1980; local fields, so no time zone shifts it). */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

export const themeGuid = (slug: string) => stableGuid("code", slug);
export const articleGuid = (slug: string) => stableGuid("source", slug);
const variableGuid = (name: string) => stableGuid("variable", name);

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab and line ends) become U+FFFD in names and notes. */
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");

function variableValues(a: QdpxArticle): Record<ArticleVariable, string | null> {
  return {
    title: a.title,
    slug: a.slug,
    date: a.date || null,
    date_precision: a.datePrecision,
    date_basis: a.dateBasis,
    date_note: a.dateNote || null,
    coding_status: a.codingStatus,
    source: a.source,
    publisher: a.publisher,
    url: a.url,
  };
}

/** Source names are unique in the file: a repeated title gets its slug added. */
function sourceNames(articles: readonly QdpxArticle[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const a of articles) count.set(a.title, (count.get(a.title) ?? 0) + 1);
  return new Map(articles.map((a) => [a.slug, count.get(a.title)! > 1 ? `${a.title} (${a.slug})` : a.title]));
}

type XmlNode = Record<string, unknown>;

export function buildProjectXml(project: QdpxProject): string {
  const users = [...new Set(project.articles.flatMap((a) => a.passages.map((p) => p.annotator)))].sort().map(coderForAnnotator);
  const names = sourceNames(project.articles);
  const sources = project.articles.map((a): XmlNode => {
    const guid = articleGuid(a.slug);
    const seen = new Map<string, number>();
    const selections = a.passages.map((p) => {
      const key = [a.slug, p.themeSlug, p.start, p.end, p.annotator] as const;
      const k = JSON.stringify(key);
      const n = (seen.get(k) ?? 0) + 1; // the same span, theme and coder twice (with other notes) stays two selections
      seen.set(k, n);
      const user = coderForAnnotator(p.annotator).guid;
      const sel: XmlNode = {
        "@_guid": stableGuid("selection", ...key, n),
        // A label only (the positions are what count): one line, as XML attributes hold no line ends.
        "@_name": xmlSafe(p.quote.replace(/\s+/g, " ").trim()),
        "@_startPosition": utf16ToCodePoint(a.body, p.start),
        "@_endPosition": utf16ToCodePoint(a.body, p.end),
        "@_creatingUser": user,
      };
      if (p.note) sel.Description = xmlSafe(p.note);
      sel.Coding = { "@_guid": stableGuid("coding", ...key, n), "@_creatingUser": user, CodeRef: { "@_targetGUID": themeGuid(p.themeSlug) } };
      return sel;
    });
    const values = variableValues(a);
    const node: XmlNode = { "@_guid": guid, "@_name": xmlSafe(names.get(a.slug)!), "@_plainTextPath": `internal://${guid}.txt` };
    if (selections.length) node.PlainTextSelection = selections;
    node.VariableValue = ARTICLE_VARIABLES.filter((v) => values[v] !== null).map((v) => ({
      VariableRef: { "@_targetGUID": variableGuid(v) },
      TextValue: xmlSafe(values[v]!),
    }));
    return node;
  });

  const root: XmlNode = { "@_xmlns": QDA_PROJECT_NS, "@_name": PROJECT_NAME, "@_origin": PROJECT_NAME };
  if (users.length) root.Users = { User: users.map((u) => ({ "@_guid": u.guid, "@_name": xmlSafe(u.name) })) };
  if (project.themes.length) {
    root.CodeBook = {
      Codes: {
        Code: project.themes.map((t) => ({
          "@_guid": themeGuid(t.slug),
          "@_name": xmlSafe(t.name),
          "@_isCodable": "true",
          ...(/^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(t.colour) ? { "@_color": t.colour } : {}),
          ...(t.definition ? { Description: xmlSafe(t.definition) } : {}),
        })),
      },
    };
  }
  root.Variables = { Variable: ARTICLE_VARIABLES.map((v) => ({ "@_guid": variableGuid(v), "@_name": v, "@_typeOfVariable": "Text" })) };
  if (sources.length) root.Sources = { TextSource: sources };

  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
    processEntities: true,
    suppressBooleanAttributes: false,
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ Project: root })}`;
}

/** The .qdpx bytes: project.qde first, then each article's text in sources/, in slug order. */
export function buildQdpx(project: QdpxProject): Uint8Array {
  const files: Record<string, Uint8Array> = { "project.qde": strToU8(buildProjectXml(project)) };
  for (const a of project.articles) files[`sources/${articleGuid(a.slug)}.txt`] = strToU8(a.body);
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}
