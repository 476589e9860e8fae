// What an imported text says about itself (title, date, source, publisher), after the
// cleaning rules, with command-line overrides for what it cannot know. Everything it could
// not determine is said plainly in `undetermined`; nothing is guessed.
import path from "node:path";
import { periodOf, type DateBasis, type DatePrecision } from "../measure/dates";
import { countWords } from "../measure/words";
import { freeSlug, matchOrganization, normaliseName, slugify, type KnownOrg } from "./orgs";
import { sha256, slugForFile } from "./identity";
import { parseArticle } from "./parse-article";
import { MAX_BODY_CHARS, MAX_BODY_WORDS, MAX_FILE_BYTES } from "./limits";
import { extractHtml, isHtmlFile } from "./html";

export type ImportOverrides = {
  source?: string;
  publisher?: string;
  date?: string;
  title?: string;
  /** a row's own fields (CSV, JSON Lines): */
  url?: string;
  slug?: string;
  /** where a given date was stated ("the date column of a.csv:12"): then it is stated, not inferred */
  dateFrom?: string;
  /** the fields a user corrected in the app's import table (they say so where they came from) */
  corrected?: readonly ("title" | "date" | "source" | "publisher")[];
};

export type OrgChoice = { slug: string; name: string; isNew: boolean; from: string };

const CORRECTED = "a correction in the app";

export const UNKNOWN_SOURCE = { slug: "unknown-source", name: "Unknown source" } as const;

export type Detected = {
  file: string;
  slug: string;
  title: string;
  titleFrom: string;
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" or null, as in seeds/articles.json */
  date: string | null;
  precision: DatePrecision;
  dateNote: string;
  /** stated when the text gives the date, inferred when it was given on import; null when unknown */
  dateBasis: DateBasis | null;
  source: OrgChoice;
  publisher: OrgChoice | null;
  attribution: string | null;
  /** the page's canonical address (HTML pages) */
  url: string | null;
  removed: string[];
  body: string;
  wordCount: number;
  contentHash: string;
  undetermined: string[];
  errors: string[];
};

function chooseOrg(name: string, orgs: readonly KnownOrg[], from: string): OrgChoice {
  const known = matchOrganization(name, orgs);
  if (known) return { slug: known.slug, name: known.name, isNew: false, from };
  // A new name whose slug an organization with another name already has gets the next free one.
  return { slug: freeSlug(slugify(name), (s) => orgs.some((x) => x.slug === s)), name: name.trim(), isNew: true, from };
}

/** The precision a --date override implies by its shape. */
export function overrideDate(value: string): { date: string | null; precision: DatePrecision } | string {
  const v = value.trim();
  const precision: DatePrecision | null =
    v === "unknown" ? "unknown" : /^\d{4}-\d{2}-\d{2}$/.test(v) ? "day" : /^\d{4}-\d{2}$/.test(v) ? "month" : /^\d{4}$/.test(v) ? "year" : null;
  if (!precision) return `--date "${value}" must be YYYY-MM-DD, YYYY-MM, YYYY or "unknown"`;
  const date = precision === "unknown" ? null : v;
  const period = periodOf(date, precision);
  return typeof period === "string" ? `--date: ${period}` : { date, precision };
}

/**
 * The known organization the title or the opening sentence names as the one speaking: the
 * title begins with its name ("SASAC: ...", "China Minmetals signs ..."), or the first
 * paragraph says "<name> said". Only names of at least 4 letters count, so an initial does not.
 */
export function orgNamedIn(title: string | null, body: string, orgs: readonly KnownOrg[]): { org: KnownOrg; where: string } | null {
  const first = body.split("\n\n")[0] ?? "";
  const norm = (t: string) => ` ${normaliseName(t)} `;
  const t = title ? norm(title) : "";
  const f = norm(first);
  let best: { org: KnownOrg; where: string; len: number } | null = null;
  for (const org of orgs) {
    for (const name of [org.name, ...org.aliases]) {
      const n = normaliseName(name);
      if (n.replace(/\s/g, "").length < 4) continue;
      const where = t.startsWith(` ${n} `) ? "the title begins with its name" : f.includes(` ${n} said `) ? `the first paragraph says "${name} said"` : null;
      if (where && (!best || n.length > best.len)) best = { org, where, len: n.length };
    }
  }
  return best && { org: best.org, where: best.where };
}

export function detectArticle(file: string, raw: string, orgs: readonly KnownOrg[], o: ImportOverrides = {}): Detected {
  // A saved web page: its main text and what it says about itself, then the same rules.
  const page = isHtmlFile(file) && raw.length <= MAX_FILE_BYTES ? extractHtml(raw) : null;
  const text = page ? page.text : raw;
  // Over the file limit, not even the cleaning rules run: a 20 MB paste is refused at once.
  const p = parseArticle(raw.length > MAX_FILE_BYTES ? "" : text);
  const meta = page?.meta;
  const undetermined: string[] = page ? [...page.problems] : [];
  const errors: string[] = [];
  if (raw.length > MAX_FILE_BYTES) errors.push(`the text is ${raw.length.toLocaleString("en")} characters long, over the file limit of ${MAX_FILE_BYTES.toLocaleString("en")} bytes`);
  else if (!p.body) errors.push("no body text is left once boilerplate is removed");
  let wordCount = 0;
  if (p.body.length > MAX_BODY_CHARS) {
    errors.push(`the cleaned text is ${p.body.length.toLocaleString("en")} characters long, over the limit of ${MAX_BODY_CHARS.toLocaleString("en")}`);
  } else {
    wordCount = countWords(p.body);
    if (wordCount > MAX_BODY_WORDS) errors.push(`the cleaned text has ${wordCount.toLocaleString("en")} words, over the limit of ${MAX_BODY_WORDS.toLocaleString("en")}`);
  }

  let title = o.title?.trim() || meta?.title?.value || p.title;
  const by = (f: "title" | "date" | "source" | "publisher", otherwise: string) => (o.corrected?.includes(f) ? CORRECTED : otherwise);
  let titleFrom = o.title ? by("title", o.dateFrom || o.slug ? "the title column" : "--title") : meta?.title ? `the page's ${meta.title.from}` : p.removed.some((r) => r.startsWith("breadcrumb") || r.startsWith("section header") || r.startsWith("repost"))
    ? "the line after the page header"
    : "the first line";
  if (!title) {
    const words = p.body.split(/\s+/).slice(0, 12).join(" ");
    title = words ? `${words}…` : path.basename(file);
    titleFrom = "the opening words (the text has no title line)";
    undetermined.push("title: the text has no title line; the opening words stand in (give --title)");
  }

  let date: string | null = null;
  let precision: DatePrecision = "unknown";
  let dateNote: string;
  if (o.date) {
    const d = overrideDate(o.date);
    if (typeof d === "string") {
      errors.push(d);
      dateNote = "";
    } else {
      ({ date, precision } = d);
      dateNote = o.dateFrom ? `From ${o.dateFrom} (${o.date}).` : o.corrected?.includes("date") ? `Given on import (${CORRECTED}: ${o.date}).` : `Given on import (--date ${o.date}).`;
    }
  } else if (meta?.date) {
    date = meta.date.value;
    precision = "day";
    dateNote = `From the page's ${meta.date.from}.`;
  } else if (p.date) {
    date = p.date.date;
    precision = "day";
    dateNote = `From the ${p.date.from}.`;
  } else if (p.yearlessDate) {
    dateNote = `The body says "${p.yearlessDate}" without a year; the date is not completed by guessing.`;
    undetermined.push(`date: the body says "${p.yearlessDate}" with no year (give --date)`);
  } else {
    dateNote = "The text carries no date.";
    undetermined.push("date: none in the text (give --date)");
  }

  let publisher: OrgChoice | null = null;
  if (o.publisher) publisher = chooseOrg(o.publisher, orgs, by("publisher", "--publisher"));
  else if (meta?.publisher) publisher = chooseOrg(meta.publisher.value, orgs, `the page's ${meta.publisher.from}`);
  else if (p.publisherLine) publisher = chooseOrg(p.publisherLine, orgs, `publication line "${p.publisherLine}"`);
  else if (p.site) publisher = chooseOrg(p.site, orgs, "the repost disclaimer");
  else undetermined.push("publisher: no site furniture names it (give --publisher)");

  let source: OrgChoice;
  if (o.source) source = chooseOrg(o.source, orgs, by("source", "--source"));
  else if (p.attribution) source = chooseOrg(p.attribution, orgs, `"Source: ${p.attribution}"`);
  else if (meta?.source) source = chooseOrg(meta.source.value, orgs, `the page's ${meta.source.from}`);
  else if (p.wireAgency) source = chooseOrg(p.wireAgency, orgs, `the wire dateline "(${p.wireAgency})"`);
  else if (p.publisherLine) source = chooseOrg(p.publisherLine, orgs, "the site's own news (publication line)");
  else if (orgNamedIn(title, p.body, orgs)) {
    const named = orgNamedIn(title, p.body, orgs)!;
    source = { slug: named.org.slug, name: named.org.name, isNew: false, from: named.where };
  } else {
    source = { ...UNKNOWN_SOURCE, isNew: !orgs.some((x) => x.slug === UNKNOWN_SOURCE.slug), from: "nothing in the text" };
    undetermined.push(`source: nothing in the text says whose words these are; stored as "${UNKNOWN_SOURCE.name}" (give --source)`);
  }

  return {
    file,
    slug: o.slug ?? slugForFile(path.basename(file)),
    title,
    titleFrom,
    date,
    precision,
    dateNote,
    dateBasis: date === null ? null : o.date && !o.dateFrom ? "inferred" : "stated",
    source,
    publisher,
    attribution: p.attribution,
    url: o.url ?? meta?.url?.value ?? null,
    removed: [...(page?.removed ?? []), ...p.removed],
    body: p.body,
    wordCount,
    contentHash: sha256(p.body),
    undetermined,
    errors,
  };
}

/** The dry run's report of one file. */
export function describeDetection(d: Detected): string {
  const org = (o: OrgChoice | null) => (o ? `${o.name} [${o.slug}]${o.isNew ? " (new organization)" : ""}, from ${o.from}` : "not known");
  return [
    `  title:     ${d.title}  (from ${d.titleFrom})`,
    `  date:      ${d.date ?? "unknown"} (${d.precision})  ${d.dateNote}`,
    `  source:    ${org(d.source)}`,
    `  publisher: ${org(d.publisher)}`,
    ...(d.url ? [`  url:       ${d.url}`] : []),
    `  removed:   ${d.removed.length ? d.removed.join("; ") : "nothing"}`,
    `  words:     ${d.wordCount}`,
    ...d.undetermined.map((u) => `  not determined: ${u}`),
    ...d.errors.map((e) => `  error: ${e}`),
  ].join("\n");
}
