// A web page saved from a browser (.html/.htm): the main text found by Mozilla's Readability
// on a server-side DOM (linkedom), and what the page publishes about itself: JSON-LD
// NewsArticle (headline, datePublished, author, publisher, url), Open Graph (og:title,
// og:site_name, article:published_time), <time datetime>, <link rel=canonical>. The text then
// goes through the same cleaning rules as a plain-text file (lib/corpus/parse-article.ts), and
// every field says where it came from.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export type PageField = { value: string; from: string };
export type PageMeta = {
  title: PageField | null;
  /** YYYY-MM-DD as the page writes it (its own calendar day, never shifted to UTC) */
  date: PageField | null;
  /** the author, when it is an organization (a journalist's name is not whose words these are) */
  source: PageField | null;
  publisher: PageField | null;
  url: PageField | null;
};
export type ExtractedPage = { text: string; meta: PageMeta; problems: string[]; removed: string[] };

export const isHtmlFile = (file: string) => /\.html?$/i.test(file);

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|Report|PressRelease)$/;

function jsonLdArticles(doc: Document, problems: string[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const o = v as Json;
      const types = ([] as unknown[]).concat(o["@type"] ?? []).map(String);
      if (types.some((t) => ARTICLE_TYPES.test(t))) out.push(o);
      if (o["@graph"]) visit(o["@graph"]);
    }
  };
  for (const [i, s] of [...doc.querySelectorAll('script[type="application/ld+json"]')].entries()) {
    try {
      visit(JSON.parse(s.textContent ?? ""));
    } catch {
      problems.push(`JSON-LD block ${i + 1} is not valid JSON; ignored`);
    }
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.replace(/\s+/g, " ").trim() : null);
const nameOf = (v: unknown): { name: string; org: boolean } | null => {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === "string") return str(first) ? { name: str(first)!, org: false } : null;
  if (first && typeof first === "object") {
    const o = first as Json;
    const n = str(o.name);
    return n ? { name: n, org: ([] as unknown[]).concat(o["@type"] ?? []).map(String).some((t) => /Organization|GovernmentOrganization|NewsMediaOrganization/.test(t)) } : null;
  }
  return null;
};

/** The calendar day of an ISO date or date-time as written ("2023-08-07T21:31:00+08:00" -> 2023-08-07). */
export function isoDay(v: string | null): string | null {
  const m = v ? /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(v) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function metaContent(doc: Document, selector: string): string | null {
  return str(doc.querySelector(selector)?.getAttribute("content"));
}

function readMeta(doc: Document, problems: string[]): PageMeta {
  const ld = jsonLdArticles(doc, problems)[0];
  const field = (value: string | null, from: string): PageField | null => (value ? { value, from } : null);

  const title =
    field(str(ld?.headline), "JSON-LD headline") ??
    field(metaContent(doc, 'meta[property="og:title"]'), "og:title") ??
    field(str(doc.querySelector("h1")?.textContent), "<h1>") ??
    field(str(doc.querySelector("title")?.textContent), "<title>");

  let date: PageField | null = null;
  const ldDate = str(ld?.datePublished);
  if (ldDate && isoDay(ldDate)) date = { value: isoDay(ldDate)!, from: `JSON-LD datePublished "${ldDate}"` };
  const ogDate = metaContent(doc, 'meta[property="article:published_time"]');
  if (!date && ogDate && isoDay(ogDate)) date = { value: isoDay(ogDate)!, from: `article:published_time "${ogDate}"` };
  if (!date) {
    for (const t of doc.querySelectorAll("time[datetime]")) {
      const v = t.getAttribute("datetime");
      if (isoDay(v)) {
        date = { value: isoDay(v)!, from: `<time datetime="${v}">` };
        break;
      }
    }
  }

  const author = nameOf(ld?.author);
  const source = author?.org ? { value: author.name, from: "JSON-LD author (an organization)" } : null;
  const pub = nameOf(ld?.publisher);
  const publisher = pub
    ? { value: pub.name, from: "JSON-LD publisher" }
    : field(metaContent(doc, 'meta[property="og:site_name"]'), "og:site_name");
  // "<headline> | Newsroom | China Minmetals Corporation": the last part of the <title> names the site.
  const pageTitle = str(doc.querySelector("title")?.textContent);
  const suffix = pageTitle && title && pageTitle.startsWith(title.value) ? pageTitle.slice(title.value.length).split(/\s+[|–—-]\s+/).map((x) => x.trim()).filter(Boolean).pop() : undefined;
  const publisherFinal = publisher ?? (suffix ? { value: suffix, from: "the site name ending its <title>" } : null);
  const canonical = str(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"));
  const url =
    (canonical && /^https?:\/\//i.test(canonical) ? { value: canonical, from: "<link rel=canonical>" } : null) ??
    field(str(ld?.url), "JSON-LD url") ??
    field(metaContent(doc, 'meta[property="og:url"]'), "og:url");
  return { title, date, source, publisher: publisherFinal, url };
}

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TR", "FIGCAPTION", "TABLE", "UL", "OL", "DL", "DT", "DD", "HEADER", "FOOTER"]);

/** The text of an element with one paragraph per block element. */
function blockText(root: Node, removed: string[]): string {
  const parts: string[] = [];
  let line = "";
  const flush = () => {
    const t = line.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (t) parts.push(t);
    line = "";
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) line += n.textContent ?? "";
    else if (n.nodeType === 1) {
      const el = n as Element;
      if (el.tagName === "BR") {
        flush();
        return;
      }
      if (el.tagName === "SCRIPT" || el.tagName === "STYLE" || el.tagName === "NOSCRIPT") return;
      if (el.tagName === "FIGCAPTION") {
        // A photo caption describes a picture; it is not the article's words.
        const cap = (el.textContent ?? "").replace(/\s+/g, " ").trim();
        if (cap) removed.push(`photo caption "${cap}"`);
        return;
      }
      const block = BLOCKS.has(el.tagName);
      if (block) flush();
      for (const c of el.childNodes) walk(c);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return parts.join("\n\n");
}

/**
 * The page's main text with its title as the first line (so the cleaning rules see the layout
 * they know), and its metadata. A page Readability finds no article in is read whole.
 */
export function extractHtml(html: string): ExtractedPage {
  const problems: string[] = [];
  const removed: string[] = [];
  const { document } = parseHTML(html);
  const meta = readMeta(document, problems);
  let text: string;
  try {
    const article = new Readability<Node>(document as unknown as Document, { serializer: (n) => n }).parse();
    text = article?.content ? blockText(article.content, removed) : "";
  } catch (e) {
    problems.push(`the main text could not be found (${(e as Error).message}); the whole page is read`);
    text = "";
  }
  if (!text.trim()) {
    const whole = parseHTML(html).document;
    text = blockText(whole.body ?? whole, removed);
  }
  const title = meta.title?.value;
  if (title) {
    // The headline once, as the first line, whatever Readability kept of it.
    const lines = text.split("\n\n");
    if (lines[0]?.trim() === title) lines.shift();
    text = [title, ...lines].join("\n\n");
  }
  return { text, meta, problems, removed };
}
