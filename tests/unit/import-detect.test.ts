import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectArticle, overrideDate } from "@/lib/corpus/detect";
import type { KnownOrg } from "@/lib/corpus/orgs";
import { matchOrganization } from "@/lib/corpus/orgs";
import { parseFullDate } from "@/lib/corpus/parse-article";

const FIX = path.join(import.meta.dirname, "../fixtures/import");
const read = (f: string) => fs.readFileSync(path.join(FIX, f), "utf8");
const ORGS: KnownOrg[] = [
  { slug: "sasac", name: "SASAC", aliases: ["State-owned Assets Supervision and Administration Commission of the State Council"] },
  { slug: "china-minmetals", name: "China Minmetals", aliases: ["China Minmetals Corporation"] },
  { slug: "iucg", name: "International Union Construction Group", aliases: [] },
];

describe("detectArticle, one layout per rule", () => {
  it("China Minmetals news page: breadcrumb, title, publication line", () => {
    const d = detectArticle("01-minmetals-news.txt", read("01-minmetals-news.txt"), ORGS);
    expect(d).toMatchObject({
      slug: "01-minmetals-news",
      title: "China Minmetals Signs Strategic Cooperation Agreement on Critical Minerals",
      date: "2024-05-06",
      precision: "day",
      source: { slug: "china-minmetals", isNew: false },
      publisher: { slug: "china-minmetals", isNew: false },
      undetermined: [],
    });
    expect(d.body.startsWith("On May 5, China Minmetals signed")).toBe(true);
  });

  it("International Union Construction Group repost: header, disclaimer, title, Source trailer; a year-less date stays unknown", () => {
    const d = detectArticle("02.txt", read("02-iucg-repost.txt"), ORGS);
    expect(d).toMatchObject({
      title: "SASAC holds a meeting on SOE reform",
      date: null,
      precision: "unknown",
      source: { slug: "sasac" },
      publisher: { slug: "iucg", from: "the repost disclaimer" },
    });
    expect(d.undetermined).toEqual(['date: the body says "On June 12" with no year (give --date)']);
    expect(d.body).not.toMatch(/Source:|disclaimer|investment agreement/);
  });

  it("a Date: line with a written-out date, and a Source: line naming an organization not yet known", () => {
    const d = detectArticle("03.txt", read("03-date-line.txt"), ORGS);
    expect(d).toMatchObject({
      title: "Xinhua: Central enterprises raise R&D spending",
      date: "2019-03-03",
      source: { slug: "xinhua-news-agency", name: "Xinhua News Agency", isNew: true },
      publisher: null,
    });
  });

  it("a full dateline in the body", () => {
    const d = detectArticle("04.txt", read("04-body-dateline.txt"), ORGS);
    expect(d).toMatchObject({ date: "2021-03-03", precision: "day", dateNote: 'From the dateline in the body ("On 3 March 2021").' });
  });

  it("a layout it has not seen: first line is the title, and it says what it could not determine", () => {
    const d = detectArticle("05.txt", read("05-unseen-layout.txt"), ORGS);
    expect(d).toMatchObject({ title: "Notes from a policy forum", titleFrom: "the first line", date: null, source: { slug: "unknown-source" } });
    expect(d.undetermined.map((u) => u.split(":")[0])).toEqual(["date", "publisher", "source"]);
  });

  it("the seed texts give the same answers as their reviewed metadata", () => {
    const seeds = path.join(import.meta.dirname, "../../seeds");
    const seed = (f: string) => fs.readFileSync(path.join(seeds, "articles", f), "utf8");
    const orgs = (JSON.parse(fs.readFileSync(path.join(seeds, "organizations.json"), "utf8")) as { organizations: KnownOrg[] }).organizations;
    expect(detectArticle("x", seed("000_4e479f1f7325fcc2.txt"), orgs)).toMatchObject({ date: "2023-04-18", source: { slug: "china-minmetals" } });
    expect(detectArticle("x", seed("003_93a9992cb8902b99.txt"), orgs)).toMatchObject({ date: null, source: { slug: "sasac" }, publisher: { slug: "iucg" } });
    expect(detectArticle("x", seed("001_4f80914eab6d9808.txt"), orgs).undetermined[0]).toMatch(/^title: the text has no title line/);
  });

  it("takes overrides for what the text cannot say", () => {
    const d = detectArticle("05.txt", read("05-unseen-layout.txt"), ORGS, { source: "sasac", publisher: "New Site", date: "2024-07", title: "Forum notes" });
    expect(d).toMatchObject({
      title: "Forum notes",
      date: "2024-07",
      precision: "month",
      source: { slug: "sasac", isNew: false },
      publisher: { slug: "new-site", isNew: true },
      undetermined: [],
    });
  });

  it("rejects a malformed override and an empty text", () => {
    expect(detectArticle("05.txt", read("05-unseen-layout.txt"), ORGS, { date: "last week" }).errors).toEqual([
      '--date "last week" must be YYYY-MM-DD, YYYY-MM, YYYY or "unknown"',
    ]);
    expect(detectArticle("empty.txt", "NEWS\n\n", ORGS).errors).toEqual(["no body text is left once boilerplate is removed"]);
  });
});

describe("helpers", () => {
  it("reads --date shapes into precisions", () => {
    expect(overrideDate("2024-02-29")).toEqual({ date: "2024-02-29", precision: "day" });
    expect(overrideDate("2022")).toEqual({ date: "2022", precision: "year" });
    expect(overrideDate("unknown")).toEqual({ date: null, precision: "unknown" });
    expect(overrideDate("2023-02-29")).toBe('--date: "2023-02-29" is not a valid YYYY-MM-DD date');
  });

  it("parses full dates in three spellings", () => {
    expect(parseFullDate("2019-03-03")).toBe("2019-03-03");
    expect(parseFullDate("3 March 2019")).toBe("2019-03-03");
    expect(parseFullDate("March 3, 2019")).toBe("2019-03-03");
    expect(parseFullDate("March 3")).toBeNull();
  });

  it("matches organizations by name or alias, ignoring case, articles and punctuation", () => {
    expect(matchOrganization("State-owned Assets Supervision and Administration Commission of The State Council", ORGS)?.slug).toBe("sasac");
    expect(matchOrganization("CHINA MINMETALS CORPORATION", ORGS)?.slug).toBe("china-minmetals");
    expect(matchOrganization("Minmetals Group", ORGS)).toBeNull();
  });
});
