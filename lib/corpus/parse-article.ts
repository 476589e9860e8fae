// Turns the plain text of a news page, as copied from the site, into a clean body plus
// what the page itself says about its title and date. Each piece of boilerplate is
// recognised by one small rule, so that a new layout is a new rule, not a new regex soup.
// Only what the text states is reported: a date without a year is never completed.
import * as chrono from "chrono-node";

export type DetectedDate = {
  /** ISO date, YYYY-MM-DD */
  date: string;
  precision: "day";
  /** Where it was found, for the date note and the import dry run */
  from: string;
};

export type ParsedArticle = {
  title: string | null;
  body: string;
  date: DetectedDate | null;
  /** A day and month the body gives without a year (kept for the note, never used as a date) */
  yearlessDate: string | null;
  /** Publisher as named on a "Publisher YYYY-MM-DD" line */
  publisherLine: string | null;
  /** The site, when its own boilerplate gives it away (the repost disclaimer) */
  site: string | null;
  /** The "Source: ..." attribution, without the label */
  attribution: string | null;
  /** The agency of a wire dateline ("BEIJING, July 26 (Xinhua) --" -> "Xinhua") */
  wireAgency: string | null;
  /** Human-readable list of what was removed, in order */
  removed: string[];
};

/** Replace no-break and other odd spaces with a plain space and collapse runs, per line. */
export function normaliseWhitespace(raw: string): string[] {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/^\uFEFF/, "")
    .split("\n")
    .map((line) => line.replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t ]+/g, " ").trim());
}

// "Home > News", "Your location:Home>>News", "Home » News", "Home › News"
const BREADCRUMB = /^[^>»›]{1,40}(\s*(>>?|»|›)\s*[^>»›]{1,40}){1,5}$/;
const SECTION_HEADER = /^(NEWS|News|Press release|PRESS RELEASE)$/;
/** A section label in capitals: "SOURCE / ECONOMY", "BUSINESS", "CHINA | POLICY" (at most four words). */
const SECTION_LABEL = /^(?=.{2,40}$)[A-Z][A-Z&'-]*( ?[/|>·:] ?| )?([A-Z][A-Z&'-]*( ?[/|>·:] ?| )?){0,3}$/;
// International Union Construction Group prints this notice above every repost.
const REPOST_DISCLAIMER = /no other individual or institution has the right to sign the investment agreement/i;
const PUBLICATION_LINE = /^(.{2,80}?)\s+(\d{4})-(\d{2})-(\d{2})$/;
const LEADING_DATE_MARKER = /^date\s+(\d{4})-(\d{2})-(\d{2})\s+/i;
const DATE_LINE = /^Date:\s*(.+)$/i;
/** What stands before a date on a line that only dates the text. */
const DATE_LABEL = /^(date|dated|published|posted|released|updated|issued|time)(\s+(on|at))?\s*[:：]?$/i;
const SOURCE_TRAILER = /^Source:\s*(.+)$/i;
const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];
const MONTH = `(${MONTHS.join("|")})`;
const DATELINE_DMY = new RegExp(`\\bOn (\\d{1,2}) ${MONTH},? (\\d{4})\\b`, "i");
const DATELINE_MDY = new RegExp(`\\bOn ${MONTH} (\\d{1,2}),? (\\d{4})\\b`, "i");
const DATELINE_YEARLESS = new RegExp(`\\bOn ${MONTH} (\\d{1,2})\\b(?!,? \\d{4})`, "i");

export function isValidIsoDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last && y >= 1900 && y <= 2100;
}

function iso(y: number, m: number, d: number): string | null {
  if (!isValidIsoDate(y, m, d)) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

/** A full date stated in the body ("On 3 March 2019", "On March 3, 2019"). */
export function findBodyDate(body: string): DetectedDate | null {
  const dmy = DATELINE_DMY.exec(body);
  if (dmy) {
    const date = iso(Number(dmy[3]), monthIndex(dmy[2]), Number(dmy[1]));
    if (date) return { date, precision: "day", from: `dateline in the body ("${dmy[0]}")` };
  }
  const mdy = DATELINE_MDY.exec(body);
  if (mdy) {
    const date = iso(Number(mdy[3]), monthIndex(mdy[1]), Number(mdy[2]));
    if (date) return { date, precision: "day", from: `dateline in the body ("${mdy[0]}")` };
  }
  return null;
}

/** A day and month with no year ("On May 7"), reported so a person can supply the year. */
export function findYearlessDate(body: string): string | null {
  const m = DATELINE_YEARLESS.exec(body);
  return m ? m[0] : null;
}

/** What the rules have found so far while reading the lines of one text, top to bottom. */
type ParseState = {
  title: string | null;
  date: DetectedDate | null;
  publisherLine: string | null;
  /** A site recognised by its own boilerplate (e.g. the repost disclaimer) */
  site: string | null;
  attribution: string | null;
  wireAgency: string | null;
  /** "CopyFrom: X" of a page tools line: the attribution when no Source: line gives one */
  copyFrom: string | null;
  removed: string[];
  /** a body paragraph has been kept */
  seenContent: boolean;
  /** header boilerplate was just removed, so the next line is the title */
  expectTitle: boolean;
};

/** `repeats`: how many lines of the whole text are this very line. */
type LineContext = { index: number; isLast: boolean; linesLeft: number; repeats: number };

/**
 * One small rule per kind of furniture. `apply` returns null to drop the line (it was
 * furniture), the line to keep it as body text, or undefined when the rule does not apply.
 */
type LineRule = { name: string; apply: (line: string, s: ParseState, c: LineContext) => string | null | undefined };

const inHeader = (s: ParseState) => !s.seenContent && s.title === null;
const looksLikeTitle = (line: string) => line.length <= 300 && !/[.!?。:;,]$/.test(line);

/**
 * A full date in `text` as chrono-node reads dates in prose ("Aug 07, 2023 09:31 PM",
 * "27 February 2017", "2023-08-07 21:31"), only when the text itself gives the year, month and
 * day: chrono would complete "July 26" with a year of its choosing, which we never accept.
 * `whole` asks that the date be (nearly) all of the text, as on a time stamp line.
 */
export function statedDate(text: string, whole = false): string | null {
  const t = text.trim();
  const r = chrono.parse(t, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || !["year", "month", "day"].every((c) => r.start.isCertain(c as "year" | "month" | "day"))) return null;
  if (whole && r.text.length < t.replace(/\s*(\||·)\s*$/, "").length - 3) return null;
  return iso(r.start.get("year")!, r.start.get("month")!, r.start.get("day")!);
}

/** A full date written as ISO, "3 March 2019" or "March 3, 2019". */
export function parseFullDate(text: string): string | null {
  const t = text.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const dmy = new RegExp(`^(\\d{1,2}) ${MONTH},? (\\d{4})$`, "i").exec(t);
  if (dmy) return iso(Number(dmy[3]), monthIndex(dmy[2]), Number(dmy[1]));
  const mdy = new RegExp(`^${MONTH} (\\d{1,2}),? (\\d{4})$`, "i").exec(t);
  if (mdy) return iso(Number(mdy[3]), monthIndex(mdy[1]), Number(mdy[2]));
  return null;
}

/** A page's tool line: "Font size: 【Big Middle Small】 【Print】【Close】", "Print | Close", with what it dates. */
const PAGE_TOOLS = /(font\s*size\s*[:：]|【\s*(print|close|big)|\bprint\s*[|｜]\s*close\b)/i;
const COPY_FROM = /\bCopyFrom\s*[:：]\s*(.+?)\s+Date\s*[:：]\s*(.+?)(?=\s{2,}|\s*Font\s*size|\s*【|$)/i;

/**
 * A copyright or disclaimer line of the page's footer (or header): "Copyright © 2023 Xinhua",
 * "© 2023 China Daily. All rights reserved.", "(C) 2021 SASAC", "Disclaimer: ...", and the Chinese
 * notices "未经授权，禁止转载", "版权所有", "免责声明：...", "转载请注明出处". A sentence of the article
 * that only mentions copyright ("Copyright protection of SOE patents ...") does not start so.
 */
const COPYRIGHT_LINE =
  /^(copyright\s*(©|\(c\)|\d{4}|[:：])|©|\(c\)\s*\d{4}|all rights reserved|disclaimer\s*[:：]|免责声明|版权(所有|声明)|未经(授权|许可|书面)|转载请注明|本(网|网站|站)(所有|刊载|发布)|本文(仅代表|系转载|版权))/i;
const ALL_RIGHTS_RESERVED = /all rights reserved|版权所有/i;
/** Longest line taken for a copyright notice or a repeated caption: notices and captions are short. */
const MAX_NOTICE_CHARS = 400;

const LABELLED_DATE = /^(date|dated|published|posted|released|updated|issued|time|publication date|release date)(\s+(on|at))?\s*[:：]?\s+(.{6,60})$/i;
const WIRE_DATELINE = /^([A-Z][A-Z.'’ -]{2,30}),\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s+\(([A-Z][A-Za-z .&-]{1,40})\)\s*(--|—|–|-)\s*/;

export const LINE_RULES: readonly LineRule[] = [
  {
    name: "labelled date line",
    apply: (line, s) => {
      const m = !s.seenContent && !s.date ? LABELLED_DATE.exec(line) : null;
      const d = m && statedDate(m[4], true);
      if (!m || !d) return undefined;
      s.date = { date: d, precision: "day", from: `date line "${line}"` };
      s.removed.push(`date line "${line}"`);
      return null;
    },
  },
  {
    name: "time stamp line",
    apply: (line, s) => {
      if (s.seenContent || s.date || line.length > 40 || !/\d{4}/.test(line)) return undefined;
      const d = statedDate(line, true);
      if (!d) return undefined;
      s.date = { date: d, precision: "day", from: `time stamp line "${line}"` };
      s.removed.push(`time stamp line "${line}"`);
      return null;
    },
  },
  {
    name: "wire dateline",
    apply: (line, s) => {
      const m = !s.wireAgency && !s.seenContent ? WIRE_DATELINE.exec(line) : null;
      if (!m) return undefined;
      // The dateline stays in the text (it is the article's first words); it names the agency.
      s.wireAgency = m[3].trim();
      s.removed.push(`(kept) wire dateline "${m[0].trim()}" names the agency ${s.wireAgency}`);
      return line;
    },
  },
  {
    name: "page tools line",
    apply: (line, s) => {
      if (s.seenContent || !(PAGE_TOOLS.test(line) || COPY_FROM.test(line)) || line.length > 300) return undefined;
      const m = COPY_FROM.exec(line);
      const d = m && parseFullDate(m[2]);
      if (m && !s.copyFrom) s.copyFrom = m[1].trim();
      if (d && !s.date) s.date = { date: d, precision: "day", from: `page tools line "${line}"` };
      s.removed.push(`page tools line "${line}"`);
      return null;
    },
  },
  {
    name: "breadcrumb",
    apply: (line, s) => {
      if (!inHeader(s) || !BREADCRUMB.test(line) || line.length > 120) return undefined;
      s.removed.push(`breadcrumb "${line}"`);
      s.expectTitle = true;
      return null;
    },
  },
  {
    name: "section header",
    apply: (line, s) => {
      if (!inHeader(s) || !(SECTION_HEADER.test(line) || SECTION_LABEL.test(line))) return undefined;
      s.removed.push(`section header "${line}"`);
      s.expectTitle = true;
      return null;
    },
  },
  {
    name: "repost disclaimer",
    apply: (line, s) => {
      if (!inHeader(s) || !REPOST_DISCLAIMER.test(line)) return undefined;
      s.removed.push("repost disclaimer of International Union Construction Group");
      s.site = "International Union Construction Group";
      s.expectTitle = true;
      return null;
    },
  },
  {
    name: "title after header",
    apply: (line, s) => {
      if (!inHeader(s) || !s.expectTitle || !looksLikeTitle(line)) return undefined;
      s.title = line;
      s.expectTitle = false;
      return null;
    },
  },
  {
    name: "publication line",
    apply: (line, s) => {
      const m = !s.seenContent && !s.date ? PUBLICATION_LINE.exec(line) : null;
      const d = m && iso(Number(m[2]), Number(m[3]), Number(m[4]));
      if (!m || !d) return undefined;
      if (DATE_LABEL.test(m[1])) {
        // "Date: 2019-03-03", "Published on 2019-03-03": a date with its label, not a publisher called "Date:"
        s.date = { date: d, precision: "day", from: `date line "${line}"` };
        s.removed.push(`date line "${line}"`);
        return null;
      }
      s.publisherLine = m[1];
      s.date = { date: d, precision: "day", from: `publication line "${line}"` };
      s.removed.push(`publication line "${line}"`);
      return null;
    },
  },
  {
    name: "date line",
    apply: (line, s) => {
      const m = !s.seenContent && !s.date ? DATE_LINE.exec(line) : null;
      const d = m && parseFullDate(m[1]);
      if (!m || !d) return undefined;
      s.date = { date: d, precision: "day", from: `date line "${line}"` };
      s.removed.push(`date line "${line}"`);
      return null;
    },
  },
  {
    name: "leading date marker",
    apply: (line, s) => {
      const m = !s.seenContent && !s.date ? LEADING_DATE_MARKER.exec(line) : null;
      const d = m && iso(Number(m[1]), Number(m[2]), Number(m[3]));
      if (!m || !d) return undefined;
      s.date = { date: d, precision: "day", from: `leading date marker "${m[0].trim()}"` };
      s.removed.push(`leading date marker "${m[0].trim()}"`);
      return line.slice(m[0].length).trim() || null;
    },
  },
  {
    name: "source line",
    apply: (line, s, c) => {
      const m = SOURCE_TRAILER.exec(line);
      if (!m || !(c.isLast || !s.seenContent) || s.attribution) return undefined;
      s.attribution = m[1].trim();
      s.removed.push(`source line "${line}"`);
      return null;
    },
  },
  {
    name: "copyright or disclaimer line",
    apply: (line, s) => {
      if (line.length > MAX_NOTICE_CHARS || !(COPYRIGHT_LINE.test(line) || (ALL_RIGHTS_RESERVED.test(line) && line.length <= 200))) return undefined;
      s.removed.push(`copyright or disclaimer line "${line}"`);
      return null;
    },
  },
  {
    name: "title repeated",
    apply: (line, s) => {
      // The headline printed again above the body (the page's <h1> under its <title>).
      if (s.title === null || line !== s.title) return undefined;
      s.removed.push(`the title repeated "${line}"`);
      return null;
    },
  },
  {
    name: "first line is the title",
    apply: (line, s, c) => {
      if (!inHeader(s) || c.linesLeft === 0 || !looksLikeTitle(line) || line.length > 200) return undefined;
      s.title = line;
      return null;
    },
  },
  {
    name: "repeated line",
    apply: (line, s, c) => {
      // A line the text holds more than once is page furniture shown twice: a photo caption
      // under the photo and again in the gallery, a share or subscribe line at the top and the
      // bottom. Every copy goes. An article's own paragraphs are not repeated word for word;
      // short lines (a number, "Photo", a name) are left alone, so are long paragraphs.
      if (c.repeats < 2 || line.length > MAX_NOTICE_CHARS || tokensOf(line) < 3) return undefined;
      s.removed.push(`repeated line (a caption or page furniture shown ${c.repeats} times) "${line}"`);
      return null;
    },
  },
];

/** Words of a line, counting each Chinese or Japanese character as one. */
function tokensOf(line: string): number {
  return (line.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? []).length;
}

export function parseArticle(raw: string): ParsedArticle {
  const s: ParseState = {
    title: null,
    date: null,
    publisherLine: null,
    site: null,
    attribution: null,
    wireAgency: null,
    copyFrom: null,
    removed: [],
    seenContent: false,
    expectTitle: false,
  };
  const kept: string[] = [];
  const lines = normaliseWhitespace(raw).filter((l) => l.length > 0);
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  lines.forEach((original, index) => {
    let line: string | null = original;
    const ctx = { index, isLast: index === lines.length - 1, linesLeft: lines.length - 1 - index, repeats: counts.get(original) ?? 1 };
    for (const rule of LINE_RULES) {
      const out = rule.apply(line, s, ctx);
      if (out === undefined) continue;
      line = out;
      if (line === null) break;
    }
    if (line !== null) {
      kept.push(line);
      s.seenContent = true;
    }
  });
  const { title, publisherLine, removed } = s;
  const attribution = s.attribution ?? s.copyFrom;
  let date = s.date;

  const body = kept.join("\n\n");
  if (!date) {
    const inBody = findBodyDate(body);
    if (inBody) date = inBody;
  }
  return {
    title,
    body,
    date,
    yearlessDate: date ? null : findYearlessDate(body),
    publisherLine,
    site: s.site,
    attribution,
    wireAgency: s.wireAgency,
    removed,
  };
}
