// What an imported text says about itself (title, date, source, publisher), after the
// cleaning rules, with command-line overrides for what it cannot know. Everything it could
// not determine is said plainly in `undetermined`; nothing is guessed.
import path from "node:path";
import { periodOf, type DateBasis, type DatePrecision } from "../measure/dates";
import { countWords } from "../measure/words";
import { freeSlug, matchOrganization, slugify, type KnownOrg } from "./orgs";
import { sha256, slugForFile } from "./identity";
import { parseArticle } from "./parse-article";
import { MAX_BODY_CHARS, MAX_BODY_WORDS, MAX_FILE_BYTES } from "./limits";

export type ImportOverrides = { source?: string; publisher?: string; date?: string; title?: string };

export type OrgChoice = { slug: string; name: string; isNew: boolean; from: string };

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

export function detectArticle(file: string, raw: string, orgs: readonly KnownOrg[], o: ImportOverrides = {}): Detected {
  // Over the file limit, not even the cleaning rules run: a 20 MB paste is refused at once.
  const p = parseArticle(raw.length > MAX_FILE_BYTES ? "" : raw);
  const undetermined: string[] = [];
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

  let title = o.title?.trim() || p.title;
  let titleFrom = o.title ? "--title" : p.removed.some((r) => r.startsWith("breadcrumb") || r.startsWith("section header") || r.startsWith("repost"))
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
      dateNote = `Given on import (--date ${o.date}).`;
    }
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
  if (o.publisher) publisher = chooseOrg(o.publisher, orgs, "--publisher");
  else if (p.publisherLine) publisher = chooseOrg(p.publisherLine, orgs, `publication line "${p.publisherLine}"`);
  else if (p.site) publisher = chooseOrg(p.site, orgs, "the repost disclaimer");
  else undetermined.push("publisher: no site furniture names it (give --publisher)");

  let source: OrgChoice;
  if (o.source) source = chooseOrg(o.source, orgs, "--source");
  else if (p.attribution) source = chooseOrg(p.attribution, orgs, `"Source: ${p.attribution}"`);
  else if (p.publisherLine) source = chooseOrg(p.publisherLine, orgs, "the site's own news (publication line)");
  else {
    source = { ...UNKNOWN_SOURCE, isNew: !orgs.some((x) => x.slug === UNKNOWN_SOURCE.slug), from: "nothing in the text" };
    undetermined.push(`source: nothing in the text says whose words these are; stored as "${UNKNOWN_SOURCE.name}" (give --source)`);
  }

  return {
    file,
    slug: slugForFile(path.basename(file)),
    title,
    titleFrom,
    date,
    precision,
    dateNote,
    dateBasis: date === null ? null : o.date ? "inferred" : "stated",
    source,
    publisher,
    attribution: p.attribution,
    removed: p.removed,
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
    `  removed:   ${d.removed.length ? d.removed.join("; ") : "nothing"}`,
    `  words:     ${d.wordCount}`,
    ...d.undetermined.map((u) => `  not determined: ${u}`),
    ...d.errors.map((e) => `  error: ${e}`),
  ].join("\n");
}
