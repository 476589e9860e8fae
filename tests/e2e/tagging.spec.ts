import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAxeClean, shot, TAGGING_URL } from "./helpers";

const ARTICLE = "002-5d473a49d580ab5d"; // the Wuzhou meeting: one passage, and no innovation tagged
const SENTENCE = "To be specific, it is wished that they would jointly explore cooperation opportunities in fields such as photovoltaic cells and metal resource recycling";

/** Select `text` inside the article body the way a mouse drag would. */
async function select(page: Page, text: string) {
  await page.evaluate((needle) => {
    const body = document.querySelector('[data-testid="article-body"]')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`text not found: ${needle}`);
  }, text);
  await page.locator('[data-testid="article-body"]').dispatchEvent("mouseup");
}

const innovationShareOfMinmetals = async (page: Page) => {
  await page.goto(`${TAGGING_URL}/?metric=passages&theme=innovation`);
  return page.locator('[data-testid="by-source-table"] tr[data-source="china-minmetals"] td[data-theme="innovation"]').getAttribute("data-value");
};

test.describe.serial("tagging in the reader", () => {
  test("a second coder tags a sentence in their own blind coding; the consensus stays, their own chart and CSV change", async ({ page }) => {
    const before = await innovationShareOfMinmetals(page);
    const csvBefore = await (await page.request.get(`${TAGGING_URL}/api/export/article-themes.csv?theme=innovation`)).text();
    expect(csvBefore).toContain(`${ARTICLE},2023-10-25,day,stated,coded,china-minmetals,china-minmetals,425,innovation,0,0`);

    await page.goto(`${TAGGING_URL}/articles/${ARTICLE}`);
    await expect(page.getByTestId("tagging-help")).toBeVisible();
    await select(page, SENTENCE.slice(1)); // a sloppy selection, starting mid-word: it snaps to "To be specific…"
    const dialog = page.getByRole("dialog", { name: "Tag the selected text" });
    await expect(dialog.getByTestId("save-hint")).toHaveText("Enter your name to save.");
    await dialog.getByLabel("Your name").fill("e2e-analyst");
    await expect(dialog.getByTestId("save-hint")).toHaveText("Choose at least one theme.");
    await dialog.getByRole("checkbox", { name: "Innovation" }).check();
    await expect(dialog.getByTestId("coding-as")).toHaveText("Saved in e2e-analyst's coding.");
    await expectAxeClean(page);
    await shot(page, "reader-tagging");
    await dialog.getByRole("button", { name: "Save tag" }).click();
    await expect(dialog).toBeHidden();

    // The page now shows e2e-analyst's own coding, blind to the two seed coders.
    await expect(page).toHaveURL(/coder=e2e-analyst/);
    const mark = page.locator('[data-testid="article-body"] mark[data-themes~="innovation"]');
    await expect(mark).toHaveText(SENTENCE);
    await expect(page.locator('[data-testid="article-body"] mark')).toHaveCount(1);
    await expect(page.getByTestId("blind-note")).toBeVisible();
    await expect(page.getByTestId("codings")).toContainText("coder-b (hidden while you code)");
    await shot(page, "reader-blind-coding");

    // The consensus, and so the dashboard, did not move.
    expect(await innovationShareOfMinmetals(page)).toBe(before);
    // Marking the coding done shows it on its own chart and export, and lifts the blind.
    await page.goto(`${TAGGING_URL}/articles/${ARTICLE}?coder=e2e-analyst`);
    const form = page.getByTestId("status-form");
    await form.getByLabel("Your name").fill("e2e-analyst");
    await form.getByRole("button", { name: "Mark as coded" }).click();
    await expect(page.getByTestId("blind-note")).toHaveCount(0);
    await expect(page.getByTestId("codings").getByRole("link", { name: "coder-b", exact: true })).toBeVisible();
    await page.goto(`${TAGGING_URL}/?metric=passages&theme=innovation&coder=e2e-analyst`);
    await expect(page.locator('[data-testid="by-source-table"] tr[data-source="china-minmetals"] td[data-theme="innovation"]')).toHaveAttribute("data-value", "1");
    const csvAfter = await (await page.request.get(`${TAGGING_URL}/api/export/article-themes.csv?theme=innovation&coder=e2e-analyst`)).text();
    expect(csvAfter).toContain(`${ARTICLE},2023-10-25,day,stated,coded,china-minmetals,china-minmetals,425,innovation,23,1`); // 23 words in the sentence, counted by hand
    expect(csvAfter).toContain(",e2e-analyst,"); // the coding it comes from

    const file = await (await page.request.get(`${TAGGING_URL}/api/articles/${ARTICLE}/annotations?coder=e2e-analyst`)).text();
    expect(file).toContain(`{ "themes": ["innovation"], "quote": "${SENTENCE}", "annotator": "e2e-analyst" }`);
  });

  test("a user changes a passage's theme, removes it, and undoes the removal", async ({ page }) => {
    await page.goto(`${TAGGING_URL}/articles/${ARTICLE}?coder=e2e-analyst`);
    await page.locator('[data-testid="article-body"] mark[data-themes~="innovation"]').click();
    const dialog = page.getByRole("dialog", { name: "Edit passages" });
    await dialog.getByLabel("Your name").fill("e2e-analyst");
    await dialog.getByLabel("Theme").selectOption("reform");
    await expect(page.locator('[data-testid="article-body"] mark[data-themes~="reform"]')).toHaveText(SENTENCE);
    await dialog.getByLabel("Note").fill("a cooperation plan, not a reform");
    await dialog.getByRole("button", { name: "Save note" }).click();
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect(page.locator('[data-testid="article-body"] mark')).toHaveCount(0);
    await expect(dialog.getByTestId("removed")).toContainText("Passage removed.");
    await dialog.getByRole("button", { name: "Undo" }).click();
    await expect(page.locator('[data-testid="article-body"] mark[data-themes~="reform"]')).toHaveText(SENTENCE);
    await expect(page.getByTestId("history")).toContainText("e2e-analyst");
    await shot(page, "reader-history");
  });

  test("the agreement page reports the seed coders, and adjudicating a disagreement changes the consensus and the dashboard", async ({ page }) => {
    await page.goto(`${TAGGING_URL}/agreement`);
    const table = page.getByTestId("agreement-table").first();
    await expect(table.locator('tr[data-theme="all"]')).toBeVisible();
    await expectAxeClean(page);
    await shot(page, "agreement");
    const value = async () => {
      await page.goto(`${TAGGING_URL}/?granularity=year&theme=party-building`);
      return page.locator('[data-testid="timeline-table"] tr[data-period="2022"] td[data-theme="party-building"]').getAttribute("data-value");
    };
    const before = await value();
    await page.goto(`${TAGGING_URL}/agreement/003-93a9992cb8902b99?a=coder-b&b=seed-editor&theme=party-building`);
    await expect(page.getByTestId("compare-text")).toBeVisible();
    const first = page.getByTestId("disagreement").first();
    await first.getByLabel("Your name").fill("e2e-judge");
    await first.getByLabel("Reason (recorded with the decision)").fill("e2e check");
    // Whatever the consensus holds here now, change it: add both readings, or take it out.
    const decision = (await first.textContent())!.includes("consensus now: nothing tagged") ? "Both" : "Neither";
    await first.getByRole("button", { name: decision }).click();
    await expect(first.getByRole("status")).toContainText("Decided");
    await page.reload();
    await expect(page.getByTestId("decisions")).toContainText("e2e-judge");
    await shot(page, "disagreements");
    expect(await value()).not.toBe(before);
  });

  test("metadata edits are validated and saved", async ({ page }) => {
    await page.goto(`${TAGGING_URL}/articles/004-a9523ab09df4130b`);
    await page.getByText("Edit metadata").click();
    await page.getByLabel("Your name").last().fill("e2e-analyst");
    await page.getByLabel("Date precision").selectOption("year");
    await page.getByLabel(/^Date \(/).fill("2023-07");
    await page.getByRole("button", { name: "Save metadata" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "date" })).toContainText('"2023-07" is not a valid YYYY year');
    await page.getByLabel(/^Date \(/).fill("2023");
    await page.getByLabel("How the date was established").fill("Published in 2023 (checked against the original).");
    await page.getByRole("button", { name: "Save metadata" }).click();
    await expect(page.getByTestId("date-note")).toHaveText("Published in 2023 (checked against the original).");
    await expect(page.locator("aside")).toContainText("known to the year");
  });

  test("an article set back to not coded leaves every figure, and Mark as coded brings it back", async ({ page }) => {
    await page.goto(`${TAGGING_URL}/articles/${ARTICLE}`);
    const form = page.getByTestId("status-form");
    await form.getByLabel("Your name").fill("e2e-analyst");
    await form.getByLabel("Status").selectOption("uncoded");
    await expect(page.getByTestId("not-counted")).toBeVisible();
    await expect(page.getByTestId("coding-status").first()).toHaveText("Not coded");
    await shot(page, "reader-uncoded");

    await page.goto(`${TAGGING_URL}/`);
    await expect(page.getByTestId("summary")).toContainText("4 coded articles");
    await expect(page.getByTestId("not-coded")).toContainText("1 article not yet coded, left out of every figure");
    await page.getByTestId("not-coded").getByRole("link").click();
    await expect(page).toHaveURL(/\/articles\?status=uncoded&status=in-progress/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await shot(page, "articles-not-coded");

    await page.locator("tbody tr").getByRole("link").click();
    await page.getByTestId("status-form").getByRole("button", { name: "Mark as coded" }).click();
    await expect(page.getByTestId("coding-status").first()).toHaveText("Coded");
    await page.goto(`${TAGGING_URL}/`);
    await expect(page.getByTestId("summary")).toContainText("5 coded articles");
    await expect(page.getByTestId("not-coded")).toHaveCount(0);
  });
});

test("with tagging disabled the controls are absent and writes answer 403", async ({ page }) => {
  await page.goto(`/articles/${ARTICLE}`);
  await expect(page.getByTestId("tagging-help")).toHaveCount(0);
  await expect(page.getByText("Edit metadata")).toHaveCount(0);
  await select(page, SENTENCE);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const post = await page.request.post(`/api/articles/${ARTICLE}/annotations`, {
    data: { start: 0, end: 10, themes: ["reform"], annotator: "x" },
  });
  expect(post.status()).toBe(403);
  expect((await post.json()).error).toContain("Tagging is disabled");
  expect((await page.request.delete("/api/annotations/1")).status()).toBe(403);
  expect((await page.request.patch(`/api/articles/${ARTICLE}`, { data: {} })).status()).toBe(403);
});
