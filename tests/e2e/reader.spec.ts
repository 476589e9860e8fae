// The reader reached from elsewhere: the target passage is scrolled to and visibly marked
// however it was reached (a full load, or in-app navigation with next/link, which moves
// neither CSS :target nor, for #p-, the scroll), and the view travels back with its links.
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { shot } from "./helpers";

const ARTICLE = "000-4e479f1f7325fcc2";

/** Marked: outlined in the accent colour, and on the screen. */
async function expectMarked(mark: Locator) {
  await expect(mark).toHaveAttribute("data-target", "");
  await expect(mark).toHaveCSS("outline-style", "solid");
  await expect(mark).toHaveCSS("outline-width", "2px");
  await expect(mark).toBeInViewport();
}

test("a drill-down passage opened in the app is scrolled to and marked, with the view in the URL", async ({ page }) => {
  await page.goto("/?granularity=quarter&theme=party-building");
  await page.getByTestId("point-2023-Q2-party-building").hover();
  await page.getByTestId("active-point-2023-Q2-party-building").click();
  const passage = page.locator("#passages").getByTestId("passage").first();
  await expect(passage).toContainText("central State-Owned Enterprises (SOEs) should fully grasp");
  await passage.getByRole("link").click(); // next/link: in-app navigation, no page load
  await expect(page).toHaveURL(new RegExp(`/articles/${ARTICLE}\\?theme=party-building&passage=(\\d+)#passage-\\1$`)); // the dashboard's view (its default granularity is left out)
  const id = new URL(page.url()).searchParams.get("passage")!;
  const mark = page.locator(`[data-testid="article-body"] mark[data-ids~="${id}"]`).first();
  await expect(mark).toContainText("central State-Owned Enterprises (SOEs) should fully grasp");
  await expectMarked(mark);
  // Only that passage is marked.
  await expect(page.locator('[data-testid="article-body"] mark[data-target]')).toHaveCount(await page.locator(`[data-testid="article-body"] mark[data-ids~="${id}"]`).count());
  await shot(page, "reader-target-in-app");

  // Back to the list in the same view.
  await page.getByTestId("back-to-articles").click();
  await expect(page).toHaveURL(/\/articles\?theme=party-building$/);
});

test("the target passage is marked on a full load, by #passage-, #p- or ?passage=", async ({ page }) => {
  await page.goto(`/?granularity=quarter`);
  await page.getByTestId("point-2023-Q2-party-building").hover();
  await page.getByTestId("active-point-2023-Q2-party-building").click();
  const href = await page.locator("#passages").getByTestId("passage").first().getByRole("link").getAttribute("href");
  const id = /passage=(\d+)/.exec(href!)![1];
  for (const url of [`/articles/${ARTICLE}#passage-${id}`, `/articles/${ARTICLE}#p-${id}`, `/articles/${ARTICLE}?passage=${id}`]) {
    await page.goto(url);
    await expectMarked(page.locator(`[data-testid="article-body"] mark[data-ids~="${id}"]`).first());
  }
});

test("a codebook example opened in the app (a #passage- link only) is marked", async ({ page }) => {
  await page.goto("/codebook");
  const link = page.getByRole("link", { name: "in context" }).first();
  const id = /#passage-(\d+)$/.exec((await link.getAttribute("href"))!)![1];
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#passage-${id}$`));
  await expectMarked(page.locator(`[data-testid="article-body"] mark[data-ids~="${id}"]`).first());
});

test("the article list's filters travel into the reader and back with All articles", async ({ page }) => {
  await page.goto("/articles?theme=reform&from=2023-06-01&to=2023-12-31");
  const summary = await page.getByTestId("summary").textContent();
  await page.locator("table a").first().click();
  await expect(page).toHaveURL(/\/articles\/[^?]+\?theme=reform&from=2023-06-01&to=2023-12-31$/);
  // The main navigation carries it too.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", "/?theme=reform&from=2023-06-01&to=2023-12-31");
  await page.getByTestId("back-to-articles").click();
  await expect(page).toHaveURL(/\/articles\?theme=reform&from=2023-06-01&to=2023-12-31$/);
  await expect(page.getByTestId("summary")).toHaveText(summary!);
});
