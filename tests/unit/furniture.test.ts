// General furniture rules: a line a page prints twice (a photo caption, the headline above the
// body) and copyright or disclaimer notices, in English and Chinese.
import { describe, expect, it } from "vitest";
import { parseArticle } from "@/lib/corpus/parse-article";

const CAPTION = "Workers check a furnace at the Hunan smelter, May 2023. (Photo/Li Ming)";

describe("repeated lines", () => {
  it("drops every copy of a caption the page shows twice, and keeps the paragraphs", () => {
    const p = parseArticle(
      ["Smelter raises output", "Date: 2023-05-20", CAPTION, "The smelter raised its output by a tenth.", CAPTION, "It hired 200 workers."].join("\n\n"),
    );
    expect(p.title).toBe("Smelter raises output");
    expect(p.body).toBe("The smelter raised its output by a tenth.\n\nIt hired 200 workers.");
    expect(p.removed).toEqual([
      'date line "Date: 2023-05-20"',
      `repeated line (a caption or page furniture shown 2 times) "${CAPTION}"`,
      `repeated line (a caption or page furniture shown 2 times) "${CAPTION}"`,
    ]);
  });

  it("drops the headline printed again above the body, keeping it as the title", () => {
    const p = parseArticle("Home > News\n\nSASAC sets new targets\n\nSASAC sets new targets\n\nThe commission set targets for 2024.");
    expect(p.title).toBe("SASAC sets new targets");
    expect(p.body).toBe("The commission set targets for 2024.");
    expect(p.removed).toContain('the title repeated "SASAC sets new targets"');
  });

  it("leaves short repeated lines alone (a list marker, one word, a name)", () => {
    const p = parseArticle("A title\n\nFirst point made here.\n\nPhoto\n\nSecond point made here.\n\nPhoto\n\nLi Ming\n\nLi Ming");
    expect(p.body).toBe("First point made here.\n\nPhoto\n\nSecond point made here.\n\nPhoto\n\nLi Ming\n\nLi Ming");
  });
});

describe("copyright and disclaimer lines", () => {
  it.each([
    "Copyright © 2023 Xinhua News Agency",
    "Copyright 2021-2023 SASAC",
    "Copyright: SASAC | All rights reserved",
    "© 2023 China Daily. All rights reserved.",
    "(C) 2022 State-owned Assets Supervision and Administration Commission",
    "All Rights Reserved",
    "Sponsored by the General Office | All rights reserved | Best viewed at 1024x768",
    "Disclaimer: The views expressed in this article are those of the author.",
    "未经授权，禁止转载。",
    "版权所有 © 国务院国有资产监督管理委员会",
    "免责声明：本文仅代表作者观点。",
    "转载请注明出处",
  ])("drops %s", (notice) => {
    const p = parseArticle(`A title\n\nThe body says something.\n\n${notice}`);
    expect(p.body).toBe("The body says something.");
    expect(p.removed).toEqual([`copyright or disclaimer line "${notice}"`]);
  });

  it("keeps a sentence of the article that is about copyright", () => {
    const text = "Copyright protection of SOE patents was strengthened in 2023, the report said.";
    expect(parseArticle(`A title\n\n${text}`).body).toBe(text);
  });
});
