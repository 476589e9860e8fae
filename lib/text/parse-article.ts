// Turns the plain text of a news page, as copied from the site, into a clean body plus
// what the page itself says about its title and date. Each piece of boilerplate is
// recognised by one small rule, so that a new layout is a new rule, not a new regex soup.
// Only what the text states is reported: a date without a year is never completed.

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
  /** The "Source: ..." attribution, without the label */
  attribution: string | null;
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

const BREADCRUMB = /^[^>]{1,40}(\s*>\s*[^>]{1,40}){1,5}$/;
const SECTION_HEADER = /^(NEWS|News|Press release|PRESS RELEASE)$/;
// International Union Construction Group prints this notice above every repost.
const REPOST_DISCLAIMER = /no other individual or institution has the right to sign the investment agreement/i;
const PUBLICATION_LINE = /^(.{2,80}?)\s+(\d{4})-(\d{2})-(\d{2})$/;
const LEADING_DATE_MARKER = /^date\s+(\d{4})-(\d{2})-(\d{2})\s+/i;
const DATE_LINE = /^Date:\s*(\d{4})-(\d{2})-(\d{2})$/i;
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

export function parseArticle(raw: string): ParsedArticle {
  const lines = normaliseWhitespace(raw);
  const removed: string[] = [];
  let title: string | null = null;
  let date: DetectedDate | null = null;
  let publisherLine: string | null = null;
  let attribution: string | null = null;

  // Work on the non-empty lines; paragraphs are rebuilt with blank lines between them.
  const kept: string[] = [];
  let seenContent = false; // a body paragraph has been kept
  let expectTitle = false; // the next line after header boilerplate is the title

  const contentLines = lines.filter((l) => l.length > 0);
  for (let i = 0; i < contentLines.length; i++) {
    let line = contentLines[i];
    const isLast = i === contentLines.length - 1;

    if (!seenContent && title === null) {
      if (BREADCRUMB.test(line) && line.length <= 120) {
        removed.push(`breadcrumb "${line}"`);
        expectTitle = true;
        continue;
      }
      if (SECTION_HEADER.test(line)) {
        removed.push(`section header "${line}"`);
        expectTitle = true;
        continue;
      }
      if (REPOST_DISCLAIMER.test(line)) {
        removed.push("repost disclaimer of International Union Construction Group");
        expectTitle = true;
        continue;
      }
      if (expectTitle && line.length <= 300 && !/[.!?]$/.test(line)) {
        title = line;
        expectTitle = false;
        continue;
      }
    }

    if (!seenContent && date === null) {
      const pub = PUBLICATION_LINE.exec(line);
      if (pub) {
        const d = iso(Number(pub[2]), Number(pub[3]), Number(pub[4]));
        if (d) {
          publisherLine = pub[1];
          date = { date: d, precision: "day", from: `publication line "${line}"` };
          removed.push(`publication line "${line}"`);
          continue;
        }
      }
      const dl = DATE_LINE.exec(line);
      if (dl) {
        const d = iso(Number(dl[1]), Number(dl[2]), Number(dl[3]));
        if (d) {
          date = { date: d, precision: "day", from: `date line "${line}"` };
          removed.push(`date line "${line}"`);
          continue;
        }
      }
      const marker = LEADING_DATE_MARKER.exec(line);
      if (marker) {
        const d = iso(Number(marker[1]), Number(marker[2]), Number(marker[3]));
        if (d) {
          date = { date: d, precision: "day", from: `leading date marker "${marker[0].trim()}"` };
          removed.push(`leading date marker "${marker[0].trim()}"`);
          line = line.slice(marker[0].length).trim();
          if (!line) continue;
        }
      }
    }

    const src = SOURCE_TRAILER.exec(line);
    if (src && (isLast || !seenContent)) {
      attribution = src[1].trim();
      removed.push(`source line "${line}"`);
      continue;
    }

    kept.push(line);
    seenContent = true;
  }

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
    attribution,
    removed,
  };
}
