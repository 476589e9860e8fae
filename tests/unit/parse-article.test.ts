import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findBodyDate, findYearlessDate, normaliseWhitespace, parseArticle } from "@/lib/corpus/parse-article";

const seed = (f: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/articles", f), "utf8");

describe("parseArticle on the China Minmetals news layout", () => {
  const raw = "Home\u00a0>\u00a0 News\u00a0>\u00a0Minmetals News\n\nA Title Line\n\nChina Minmetals Corporation 2023-04-18\n\nFirst paragraph.\n\nSecond paragraph.";
  const p = parseArticle(raw);

  it("removes the breadcrumb and the publication line, and takes title and date from them", () => {
    expect(p.title).toBe("A Title Line");
    expect(p.date).toEqual({ date: "2023-04-18", precision: "day", from: 'publication line "China Minmetals Corporation 2023-04-18"' });
    expect(p.publisherLine).toBe("China Minmetals Corporation");
    expect(p.body).toBe("First paragraph.\n\nSecond paragraph.");
    expect(p.removed).toEqual([
      'breadcrumb "Home > News > Minmetals News"',
      'publication line "China Minmetals Corporation 2023-04-18"',
    ]);
  });
});

describe("parseArticle on the International Union Construction Group repost layout", () => {
  const raw = [
    "NEWS",
    " ",
    "Except for the legal person of International Union Construction Group investment subject, no other individual or institution has the right to sign the investment agreement with the project party on behalf of International Union Construction Group.",
    "The Title Of The Repost",
    "",
    "On May 7, the meeting was held.",
    "\u00a0",
    "Source: State-owned Assets Supervision and Administration Commission of the State Council",
  ].join("\n");
  const p = parseArticle(raw);

  it("removes the header, the disclaimer and the Source trailer, keeping the attribution", () => {
    expect(p.title).toBe("The Title Of The Repost");
    expect(p.body).toBe("On May 7, the meeting was held.");
    expect(p.attribution).toBe("State-owned Assets Supervision and Administration Commission of the State Council");
    expect(p.removed).toHaveLength(3);
  });

  it("never completes a date without a year", () => {
    expect(p.date).toBeNull();
    expect(p.yearlessDate).toBe("On May 7");
  });
});

describe("parseArticle on a text with a leading date marker and no title", () => {
  const p = parseArticle(" date 2023-12-26 The Commission met. It decided.\n\nMore text.\n\n");

  it("takes the date from the marker, strips it from the first paragraph and reports no title", () => {
    expect(p.date?.date).toBe("2023-12-26");
    expect(p.title).toBeNull();
    expect(p.body).toBe("The Commission met. It decided.\n\nMore text.");
  });
});

describe("date rules", () => {
  it("reads full datelines in both orders and rejects impossible days", () => {
    expect(findBodyDate("On 3 March 2019, the board met.")?.date).toBe("2019-03-03");
    expect(findBodyDate("On March 3, 2019 the board met.")?.date).toBe("2019-03-03");
    expect(findBodyDate("On February 30, 2019 nothing happened.")).toBeNull();
    expect(findBodyDate("On May 7, the meeting was held.")).toBeNull();
  });

  it("reports a day and month given without a year, but not a full date", () => {
    expect(findYearlessDate("On October 24, Weng met Jiang.")).toBe("On October 24");
    expect(findYearlessDate("On October 24, 2023 Weng met Jiang.")).toBeNull();
  });

  it("reads a Date: line", () => {
    expect(parseArticle("Date: 2021-06-30\n\nBody text.").date?.date).toBe("2021-06-30");
  });
});

describe("normaliseWhitespace", () => {
  it("turns no-break spaces into plain ones and collapses runs", () => {
    expect(normaliseWhitespace("Jinping Xi\u00a0 stressed\r\n\u00a0\r\n")).toEqual(["Jinping Xi stressed", "", ""]);
  });
});

describe("the five seed files", () => {
  it("are cleaned of their boilerplate", () => {
    const files = fs.readdirSync(path.join(import.meta.dirname, "../../seeds/articles"));
    for (const f of files) {
      const body = parseArticle(seed(f)).body;
      expect(body, f).not.toMatch(/Home\s*>|International Union Construction Group|^Source:|China Minmetals Corporation \d{4}|^date \d/m);
      expect(body, f).not.toMatch(/\u00a0|\n{3,}| {2,}/);
    }
  });

  it("give each file the title and date its text states", () => {
    expect(parseArticle(seed("000_4e479f1f7325fcc2.txt")).date?.date).toBe("2023-04-18");
    expect(parseArticle(seed("001_4f80914eab6d9808.txt")).title).toBeNull();
    expect(parseArticle(seed("001_4f80914eab6d9808.txt")).date?.date).toBe("2023-12-26");
    expect(parseArticle(seed("002_5d473a49d580ab5d.txt")).title).toBe(
      "Weng Zuliang Meets with Jiang Liansheng, Secretary of the CPC Wuzhou Municipal Committee",
    );
    expect(parseArticle(seed("003_93a9992cb8902b99.txt")).date).toBeNull();
    expect(parseArticle(seed("004_a9523ab09df4130b.txt")).date).toBeNull();
    expect(parseArticle(seed("004_a9523ab09df4130b.txt")).yearlessDate).toBeNull();
  });
});
