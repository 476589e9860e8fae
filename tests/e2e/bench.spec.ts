import { expect, test } from "@playwright/test";
import { expectAxeClean, shot } from "./helpers";

test("search finds every occurrence of a phrase, in context, with its themes, under the filters", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("searchbox").fill("self-reliance");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=self-reliance/);
  // 1 in 000, 1 in 003, 2 in 004 (grep of seeds/articles)
  await expect(page.getByTestId("search-summary")).toContainText("4 hits in 3 of the 5 coded articles in view");
  await expect(page.locator('[data-testid="hit-list"] tbody tr')).toHaveCount(4);
  await expect(page.locator('[data-testid="hit-list"] mark').first()).toHaveText(/self-reliance/i);
  await expect(page.getByTestId("hit-themes").first()).toContainText("Innovation");
  await expect(page.locator('[data-testid="hit-timeline"] .recharts-line')).toHaveCount(1);
  await expectAxeClean(page);
  await shot(page, "search");

  // The filters apply: only SASAC's articles.
  await page.goto("/search?q=self-reliance&org=sasac");
  await expect(page.getByTestId("search-summary")).toContainText("3 hits in 2 of the 3 coded articles in view");
  // The CSV link carries the query and the filters.
  const href = await page.getByRole("link", { name: "Download every hit (CSV)" }).getAttribute("href");
  expect(href).toContain("org=sasac");
  expect(href).toContain("q=");
});

test("a malformed query is explained, not an error page", async ({ page }) => {
  const res = await page.goto("/search?q=" + encodeURIComponent("AND ("));
  expect(res?.status()).toBe(200);
  await expect(page.getByText(/not a valid search query/)).toBeVisible();
});

test("the co-occurrence matrix opens the passages behind a cell", async ({ page }) => {
  await page.goto("/cooccurrence");
  const matrix = page.getByTestId("cooccurrence-matrix");
  await expect(matrix.locator("tbody tr")).toHaveCount(4);
  await expectAxeClean(page);
  await shot(page, "cooccurrence");
  const link = page.getByTestId("cell-party-building-reform").getByRole("link");
  const [passages] = ((await link.textContent()) ?? "").split(" · ").map(Number);
  await link.click();
  await expect(page).toHaveURL(/pair=party-building%3Areform|pair=party-building:reform/);
  await expect(page.getByRole("heading", { name: "Passages tagged both Party building and Reform" })).toBeVisible();
  await expect(page.locator("#passages ol > li")).toHaveCount(passages);
});

test("each dashboard chart downloads as SVG and PNG with its view, and the view's link copies in one click", async ({ page, context }) => {
  await page.goto("/?theme=reform&granularity=year");
  const svgHref = await page.getByRole("link", { name: "Theme timeline as SVG" }).getAttribute("href");
  expect(svgHref).toBe("/api/export/timeline.svg?theme=reform&granularity=year");
  const svg = await page.request.get(svgHref!);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(await svg.text()).toContain("Filters: theme=reform, granularity=year");
  const png = await page.request.get((await page.getByRole("link", { name: "Emphasis by source as PNG" }).getAttribute("href"))!);
  expect(png.headers()["content-type"]).toBe("image/png");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-link").click();
  await expect(page.getByRole("status").filter({ hasText: /Link copied|Copy this address/ })).toBeVisible();
});

test("compare two sources side by side, linked from the dashboard", async ({ page }) => {
  await page.goto("/?theme=reform");
  await page.getByRole("link", { name: "Compare two periods or sources" }).click();
  await expect(page).toHaveURL(/\/compare\?theme=reform/);
  await page.getByLabel("A", { exact: true }).fill("sasac");
  await page.getByLabel("B", { exact: true }).fill("china-minmetals");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.locator('[data-testid="comparison"] tbody tr')).toHaveCount(1);
  await expect(page.getByTestId("comparison")).toContainText("SASAC (n=3)");
  await expect(page.getByTestId("overlap-reform")).toHaveText(/yes|no/);
  await expectAxeClean(page);
  await shot(page, "compare");
});

test("the filters travel, the data table says Hide, the organization menu closes, and To cannot precede From", async ({ page }) => {
  await page.goto("/?theme=reform&org=sasac&drill=source:sasac:reform");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(page).toHaveURL(/\/articles\?theme=reform&org=sasac$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?theme=reform&org=sasac$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/\?theme=reform&org=sasac$/);

  const toggle = page.locator("#timeline-title").locator("xpath=ancestor::section").locator("summary");
  await expect(toggle.getByText("Show data table")).toBeVisible();
  await expect(toggle.getByText("Hide data table")).toBeHidden();
  await toggle.click();
  await expect(toggle.getByText("Hide data table")).toBeVisible();
  await expect(toggle.getByText("Show data table")).toBeHidden();

  const menu = page.locator("details").filter({ has: page.getByText("Match organizations as") });
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open", "");
  await menu.locator("summary").click();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).not.toHaveAttribute("open", "");

  await page.goto("/?from=2023-06-01");
  const to = page.getByRole("textbox", { name: "To", exact: true });
  await to.fill("2023-01-01");
  await to.press("Enter");
  await page.waitForTimeout(1000);
  await expect(page).toHaveURL(/\/\?from=2023-06-01$/);
  expect(await to.evaluate((el: HTMLInputElement) => el.validationMessage)).toMatch(/before|2023-06-01/);
});
