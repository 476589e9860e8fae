// Suggestions from the codebook in the reader, on the tagging server: one accepted becomes a
// passage in the coder's own coding; one dismissed goes and stays gone; the codebook counts them.
// Runs in a coding of its own (e2e-suggest), so the consensus the other specs read is unchanged.
import type { Page } from "@playwright/test";
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { expectAxeClean, shot, TAGGING_URL } from "./helpers";

const ARTICLE = "000-4e479f1f7325fcc2";
const CODER = "e2e-suggest";
const SHOTS = process.env.SUGGEST_SHOTS_DIR; // set to also copy the screenshots there

async function shots(page: Page, name: string) {
  for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByTestId("suggestions").scrollIntoViewIfNeeded();
      await shot(page, `${name}-${label}-${scheme}`);
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/${name}-${label}-${scheme}.png` });
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test.describe.serial("suggestions from the codebook", () => {
  test("accept one: it becomes a passage; dismiss one: it goes, and stays gone", async ({ page }) => {
    await page.goto(`${TAGGING_URL}/articles/${ARTICLE}?coder=${CODER}`);
    const panel = page.getByTestId("suggestions");
    const items = panel.getByTestId("suggestion");
    // Nothing of e2e-suggest's yet: every sentence a cue matches is offered (7 sentence x theme
    // matches on this article, in 5 sentences), the same sentence's themes together.
    await expect(items).toHaveCount(7);
    await expect(panel.getByTestId("suggestion-sentence")).toHaveCount(5);
    await expect(panel.getByRole("button", { name: "Accept" }).first()).toBeDisabled();
    await expect(panel).toContainText("Enter your name to accept or dismiss.");
    await panel.getByLabel("Your name").fill(CODER);
    await expect(panel.getByTestId("suggestions-coding-as")).toHaveText(`Answers go into ${CODER}'s coding.`);
    await expectAxeClean(page);
    await shots(page, "reader-suggestions");

    const first = items.first();
    const theme = (await first.getAttribute("data-theme"))!;
    const sentence = (await panel.getByTestId("suggestion-sentence").first().getByTestId("suggestion-text").textContent())!;
    await expect(page.locator('[data-testid="article-body"] mark')).toHaveCount(0);
    await first.getByRole("button", { name: "Accept" }).click();
    await expect(items).toHaveCount(6);
    const mark = page.locator(`[data-testid="article-body"] mark[data-themes~="${theme}"]`);
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveText(sentence);

    const next = items.first();
    const dismissed = (await next.getAttribute("data-start"))!;
    const dismissedTheme = (await next.getAttribute("data-theme"))!;
    await next.getByRole("button", { name: "Dismiss" }).click();
    await expect(items).toHaveCount(5);
    await expect(page.locator(`[data-testid="suggestion"][data-start="${dismissed}"][data-theme="${dismissedTheme}"]`)).toHaveCount(0);
    await expect(page.locator('[data-testid="article-body"] mark')).toHaveCount(1); // a dismissal tags nothing

    await page.reload();
    await expect(items).toHaveCount(5);
    await expect(page.locator(`[data-testid="suggestion"][data-start="${dismissed}"][data-theme="${dismissedTheme}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-testid="article-body"] mark[data-themes~="${theme}"]`)).toHaveText(sentence);

    // The codebook counts both answers.
    await page.goto(`${TAGGING_URL}/codebook`);
    if (theme === dismissedTheme) {
      await expect(page.getByTestId(`suggestions-${theme}`)).toContainText("accepted 1 of 2 answered (1 dismissed) · by e2e-suggest");
    } else {
      await expect(page.getByTestId(`suggestions-${theme}`)).toContainText("accepted 1 of 1 answered (0 dismissed) · by e2e-suggest");
      await expect(page.getByTestId(`suggestions-${dismissedTheme}`)).toContainText("accepted 0 of 1 answered (1 dismissed) · by e2e-suggest");
    }
    const api = await (await page.request.get(`${TAGGING_URL}/api/suggestions`)).json();
    expect(api.counts.filter((c: { coder: string }) => c.coder === CODER).reduce((n: number, c: { accepted: number; dismissed: number }) => n + c.accepted + c.dismissed, 0)).toBe(2);
  });
});
