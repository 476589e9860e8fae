// Saved web pages of three layouts (a wire agency with JSON-LD, a regulator's portal with
// Open Graph tags and page furniture, a company newsroom with only <time> and <title>): the
// right title, date, source, publisher and address, and none of the navigation in the text.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectArticle, orgNamedIn } from "@/lib/corpus/detect";
import { extractHtml, isoDay } from "@/lib/corpus/html";
import type { KnownOrg } from "@/lib/corpus/orgs";

const FIX = path.join(import.meta.dirname, "../fixtures/html");
const read = (f: string) => fs.readFileSync(path.join(FIX, f), "utf8");
const ORGS: KnownOrg[] = [
  { slug: "sasac", name: "SASAC", aliases: ["State-owned Assets Supervision and Administration Commission of the State Council"] },
  { slug: "china-minmetals", name: "China Minmetals", aliases: ["China Minmetals Corporation"] },
];
const NAVIGATION = ["Home", "Subscribe", "Share", "Related", "Copyright", "About", "Skip to content", "Careers", "Privacy", "Font size", "Print", "More news"];
const noNavigation = (body: string) => NAVIGATION.filter((w) => body.includes(w));

describe("saved web pages", () => {
  it("wire agency: JSON-LD NewsArticle gives headline, date as the page writes it, author organization, publisher; canonical URL", () => {
    const d = detectArticle("wire-agency.html", read("wire-agency.html"), ORGS);
    expect(d).toMatchObject({
      slug: "wire-agency",
      title: "China's central SOEs step up innovation spending in first half",
      titleFrom: "the page's JSON-LD headline",
      date: "2023-07-26", // 23:40 in Beijing: the page's day, not the UTC day (07-26 15:40Z is the same; see isoDay)
      precision: "day",
      dateBasis: "stated",
      source: { name: "Xinhua News Agency", isNew: true, from: "the page's JSON-LD author (an organization)" },
      publisher: { name: "Global Wire", isNew: true, from: "the page's JSON-LD publisher" },
      url: "https://news.example-wire.com/2023-07/26/c_1129771.htm",
      errors: [],
    });
    expect(d.body.startsWith("BEIJING, July 26 (Xinhua) -- China's centrally administered")).toBe(true);
    expect(d.body.split("\n\n")).toHaveLength(4);
    expect(noNavigation(d.body)).toEqual([]);
  });

  it("regulator portal: og:title and article:published_time; the breadcrumb and the page tools line go, Source: gives the source", () => {
    const d = detectArticle("regulator-portal.html", read("regulator-portal.html"), ORGS);
    expect(d).toMatchObject({
      title: "SASAC holds symposium on deepening reform of state-owned enterprises",
      titleFrom: "the page's og:title",
      date: "2017-02-27",
      source: { slug: "sasac", isNew: false, from: '"Source: SASAC"' },
      publisher: { slug: "sasac", from: "the page's og:site_name" },
      url: "http://en.example-sasac.gov.cn/2017/02/27/c_1234.htm",
    });
    expect(d.removed).toEqual(['page tools line "CopyFrom: SASAC Date: 27 February 2017 Font size: 【Big Middle Small】 【Print】【Close】"', 'source line "Source: SASAC"']);
    expect(d.body.split("\n\n")).toHaveLength(4);
    expect(noNavigation(d.body)).toEqual([]);
    expect(d.body).not.toContain("Your location");
  });

  it("company newsroom: <h1>, <time datetime>, the site from the <title>, the source from who the title names; the photo caption goes", () => {
    const d = detectArticle("company-newsroom.html", read("company-newsroom.html"), ORGS);
    expect(d).toMatchObject({
      title: "China Minmetals signs strategic agreement on critical minerals",
      titleFrom: "the page's <h1>",
      date: "2024-05-06",
      source: { slug: "china-minmetals", from: "the title begins with its name" },
      publisher: { slug: "china-minmetals", from: "the page's the site name ending its <title>" },
      url: "https://www.example-minmetals.com/newsroom/2024/critical-minerals-agreement",
      removed: ['photo caption "The signing ceremony in Beijing."'],
    });
    expect(d.body.split("\n\n")).toHaveLength(3);
    expect(noNavigation(d.body)).toEqual([]);
  });

  it("a page without an article or metadata is read whole and says what it could not determine", () => {
    const d = detectArticle("bare.html", "<html><body><p>Just one line of text, no title.</p></body></html>", ORGS);
    expect(d.body).toBe("Just one line of text, no title.");
    expect(d.date).toBeNull();
    expect(d.undetermined.some((u) => u.startsWith("date:"))).toBe(true);
  });

  it("invalid JSON-LD is reported and the other metadata still used", () => {
    const page = extractHtml('<html><head><script type="application/ld+json">{oops</script><meta property="og:title" content="T"></head><body><p>Body text here.</p></body></html>');
    expect(page.problems).toEqual(["JSON-LD block 1 is not valid JSON; ignored"]);
    expect(page.meta.title).toEqual({ value: "T", from: "og:title" });
  });

  it("takes the calendar day as written and refuses impossible days", () => {
    expect(isoDay("2023-08-07T21:31:00-05:00")).toBe("2023-08-07");
    expect(isoDay("2023-02-30")).toBeNull();
    expect(isoDay("Aug 07, 2023")).toBeNull();
  });

  it("finds who speaks in the title or the first sentence, longest name first", () => {
    expect(orgNamedIn("SASAC: new rules for boards", "Text.", ORGS)?.org.slug).toBe("sasac");
    expect(orgNamedIn("A title", "Beijing -- The State-owned Assets Supervision and Administration Commission of the State Council said on Monday ...", ORGS)?.where).toBe(
      'the first paragraph says "State-owned Assets Supervision and Administration Commission of the State Council said"',
    );
    expect(orgNamedIn("Markets rise", "Shares rose.", ORGS)).toBeNull();
  });
});

describe("plain-text page furniture in its common shapes", () => {
  it("a >> breadcrumb, a font-size line and a CopyFrom ... Date: line", () => {
    const raw = "Your location:Home>>News\n\nMCC builds a new smelter\n\nCopyFrom:MCC Date:27 February 2017\n\nFont size:【BigMiddleSmall】 【PrintColor:\n\nThe smelter will open next year.\n";
    const d = detectArticle("mcc.txt", raw, ORGS);
    expect(d).toMatchObject({ title: "MCC builds a new smelter", date: "2017-02-27", attribution: "MCC", body: "The smelter will open next year." });
    expect(d.dateNote).toBe('From the page tools line "CopyFrom:MCC Date:27 February 2017".');
  });
});

describe("dates and sources in the places a page puts them (chrono-node, never completing a year)", () => {
  it("a section label page with a Published: time stamp", () => {
    const raw = "SOURCE / ECONOMY\n\nCentral SOEs report record R&D spending\n\nPublished: Aug 07, 2023 09:31 PM\n\nCentral state-owned enterprises spent more on research.\n";
    const d = detectArticle("p.txt", raw, ORGS);
    expect([d.title, d.date, d.dateNote]).toEqual(["Central SOEs report record R&D spending", "2023-08-07", 'From the date line "Published: Aug 07, 2023 09:31 PM".']);
    expect(d.removed[0]).toBe('section header "SOURCE / ECONOMY"');
  });

  it("a time stamp line alone", () => {
    const d = detectArticle("t.txt", "A headline here\n\n2023-08-07 21:31\n\nThe text of the article.\n", ORGS);
    expect([d.date, d.removed]).toEqual(["2023-08-07", ['time stamp line "2023-08-07 21:31"']]);
  });

  it("a wire dateline names the agency as the source and keeps the text; its yearless date stays unknown", () => {
    const d = detectArticle("w.txt", "SOEs step up spending\n\nBEIJING, July 26 (Xinhua) -- Central SOEs invested more in the first half.\n", ORGS);
    expect(d.source).toMatchObject({ name: "Xinhua", from: 'the wire dateline "(Xinhua)"' });
    expect(d.body).toBe("BEIJING, July 26 (Xinhua) -- Central SOEs invested more in the first half.");
    expect(d.date).toBeNull(); // "July 26" has no year: chrono would guess one, we do not
  });

  it("a labelled line whose date has no year is not a date line", () => {
    const d = detectArticle("y.txt", "A headline here\n\nPublished: July 26 09:31\n\nThe text.\n", ORGS);
    expect(d.date).toBeNull();
  });
});
