import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { expectAxeClean, shot } from "./helpers";

const timelineLines = (page: import("@playwright/test").Page) => page.locator('[data-testid="timeline-chart"] .recharts-line');

test("the dashboard charts the seeded corpus and says what it leaves off", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("summary")).toContainText("5 coded articles");
  await expect(page.getByTestId("summary")).toContainText("6,380 words");
  await expect(timelineLines(page)).toHaveCount(4);
  await expect(page.locator('[data-testid="by-source-chart"] .recharts-bar-rectangle')).not.toHaveCount(0);
  await expect(page.getByTestId("left-off-note")).toContainText("1 article has no known date");
  await expectAxeClean(page);
  await shot(page, "dashboard");
});

test("filters change the URL and the charts, and the back button restores the view", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Year", { exact: true }).click();
  await expect(page).toHaveURL(/granularity=year/);
  await expect(page.locator('[data-testid="timeline-chart"] .recharts-xAxis-tick-labels').first()).toContainText("2022");
  await expect(page.getByTestId("timeline-table").locator("tbody tr")).toHaveCount(2); // 2022, 2023

  await page.getByRole("checkbox", { name: "Party building" }).uncheck();
  await expect(page).toHaveURL(/theme=innovation&theme=supply-chain-security&theme=reform/);
  await expect(timelineLines(page)).toHaveCount(3);

  await page.getByText("All organizations").click();
  await page.getByRole("checkbox", { name: /China Minmetals/ }).check();
  await expect(page).toHaveURL(/org=china-minmetals/);
  await expect(page.getByTestId("summary")).toContainText("2 coded articles");

  await page.getByText("Passages", { exact: true }).click();
  await expect(page).toHaveURL(/metric=passages/);
  await shot(page, "dashboard-filtered");

  await page.goBack();
  await expect(page).not.toHaveURL(/metric=passages/);
  await expect(page).toHaveURL(/org=china-minmetals/);
  await page.goBack();
  await expect(page.getByTestId("summary")).toContainText("5 coded articles");
});

test("an invalid parameter shows a clear message on the page", async ({ page }) => {
  const res = await page.goto("/?granularity=week&from=2023-02-30");
  expect(res?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "problem" });
  await expect(alert).toContainText("granularity: must be one of month, quarter, year");
  await expect(alert).toContainText("from: must be a real date written YYYY-MM-DD");
  await shot(page, "dashboard-invalid");
  const api = await page.request.get("/api/timeline?granularity=week");
  expect(api.status()).toBe(400);
  expect((await api.json()).issues[0]).toEqual({ parameter: "granularity", message: "must be one of month, quarter, year" });
});

test("a timeline point opens its passages, and a passage opens the reader at it", async ({ page }) => {
  await page.goto("/?granularity=quarter");
  await page.getByTestId("point-2023-Q2-party-building").hover();
  await page.getByTestId("active-point-2023-Q2-party-building").click();
  await expect(page).toHaveURL(/drill=period%3A2023-Q2%3Aparty-building/);
  const panel = page.locator("#passages");
  await expect(panel.getByRole("heading")).toHaveText("Passages behind Party building, Q2 2023");
  await expect(panel.getByTestId("passage")).toHaveCount(5);
  await expect(panel.getByTestId("passage").first()).toContainText("central State-Owned Enterprises (SOEs) should fully grasp");
  await expectAxeClean(page);
  await shot(page, "dashboard-drilldown");
  // The panel's download is the panel: the same 5 passages, not every passage of the view.
  const [file] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: "Download passages CSV" }).click()]);
  expect(file.suggestedFilename()).toBe("passages_2023-Q2-party-building_quarter_all-themes.csv");
  const rows = parse(fs.readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(5);
  expect(rows.every((r) => r.theme === "party-building")).toBe(true);

  await panel.getByTestId("passage").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/000-4e479f1f7325fcc2\?(.+&)?passage=\d+#passage-\d+/); // the view travels, ?passage= marks it
  const id = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${id}"]`)).toContainText("central State-Owned Enterprises (SOEs) should fully grasp");
});

test("a bar opens the passages behind it", async ({ page }) => {
  await page.goto("/?theme=supply-chain-security");
  await page.locator('[data-testid="by-source-chart"] .recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(/drill=source%3A/);
  await expect(page.locator("#passages").getByTestId("passage").first()).toBeVisible();
});

test("each CSV download is the data table's numbers", async ({ page }) => {
  await page.goto("/?granularity=year&metric=share");
  const download = async (name: RegExp) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    return { name: file.suggestedFilename(), rows: parse(fs.readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[] };
  };

  const timeline = await download(/Download CSV of the theme timeline/);
  expect(timeline.name).toBe("theme-timeline_year_share_all-themes.csv");
  for (const r of timeline.rows) {
    const cell = page.locator(`[data-testid="timeline-table"] tr[data-period="${r.period}"] td[data-theme="${r.theme}"]`);
    await expect(cell).toHaveAttribute("data-value", r.value === "" ? "" : String(Number(r.value)));
  }

  const bySource = await download(/Download CSV of emphasis by source/);
  expect(bySource.name).toBe("theme-by-source_share_all-themes.csv");
  for (const r of bySource.rows) {
    const cell = page.locator(`[data-testid="by-source-table"] tr[data-source="${r.source}"] td[data-theme="${r.theme}"]`);
    await expect(cell).toHaveAttribute("data-value", String(Number(r.value)));
  }

  const passages = await download(/every passage/);
  expect(passages.rows.length).toBe(187); // the consensus coding
  const base = await download(/article × theme base table/);
  expect(base.rows.length).toBe(20); // 5 articles x 4 themes
});

test("the dashboard works on a phone and in dark mode", async ({ browser }) => {
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto("/");
  // On a phone the charts are below the fold: each is drawn when it comes near the screen, in a
  // box already at its final height, so nothing below it moves when it appears.
  const box = phone.locator("#timeline-title").locator("xpath=ancestor::section[1]");
  await expect(phone.locator('[data-testid="timeline-chart"]')).toHaveCount(0);
  const before = await box.boundingBox();
  await box.scrollIntoViewIfNeeded();
  await expect(phone.locator('[data-testid="timeline-chart"] .recharts-line')).toHaveCount(4);
  expect((await box.boundingBox())?.height).toBe(before?.height);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(phone, "dashboard-phone");
  await phoneContext.close();

  const darkContext = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const dark = await darkContext.newPage();
  await dark.goto("/");
  await expectAxeClean(dark);
  await shot(dark, "dashboard-dark");
  await darkContext.close();
});

test("a date range set in the controls narrows the view", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("From").fill("2023-01-01");
  await page.getByLabel("From").press("Enter"); // commits at once (a pause in typing or leaving the field would too)
  await expect(page).toHaveURL(/from=2023-01-01/);
  await expect(page.getByTestId("summary")).toContainText("3 coded articles"); // the 2022 and the undated article drop out
  await expect(page.getByTestId("left-off-note")).toContainText("with a date range set, it is left out of the other figures too");
});

test("empty quarters are gaps with no value, every point carries its n and interval", async ({ page }) => {
  await page.goto("/");
  // 2022-Q3 to 2023-Q1 hold no article: no dot, and the table says so instead of 0%.
  await expect(page.getByTestId("point-2022-Q3-reform")).toHaveCount(0);
  await expect(page.getByTestId("point-2023-Q2-reform")).toHaveCount(1);
  await expect(page.getByTestId("point-2023-Q2-reform")).toHaveAttribute("data-thin", "true"); // one article
  await expect(page.getByTestId("article-strip")).toBeVisible();
  await expect(page.getByTestId("marks-key")).toContainText("fewer than 3 coded articles");
  await page.getByText("Show data table").first().click();
  await expect(page.locator('[data-testid="timeline-table"] tr[data-period="2022-Q3"] td[data-theme="reform"]')).toHaveText("no articles");
  await expect(page.locator('[data-testid="timeline-table"] tr[data-period="2022-Q2"]')).toContainText("1 inferred date");
  await page.getByTestId("point-2023-Q2-reform").hover();
  await expect(page.locator('[data-testid="timeline-chart"] .recharts-tooltip-wrapper').first()).toContainText("one article: no interval");
  await shot(page, "dashboard-gaps");

  await page.goto("/?metric=articles&granularity=year");
  await page.getByTestId("point-2023-reform").hover();
  await expect(page.locator('[data-testid="timeline-chart"] .recharts-tooltip-wrapper').first()).toContainText("95% CI");
  await expect(page.locator(".recharts-area")).not.toHaveCount(0);
});

test("small multiples draw one panel per theme on shared axes, and survive a filter change", async ({ page }) => {
  await page.goto("/?metric=articles");
  await page.getByTestId("layout-switch").getByRole("link", { name: "one panel per theme" }).click();
  await expect(page).toHaveURL(/layout=small-multiples/);
  await expect(page.locator('[data-testid^="multiple-"]')).toHaveCount(4);
  await expectAxeClean(page);
  await shot(page, "dashboard-small-multiples");
  await page.getByText("Year", { exact: true }).click();
  await expect(page).toHaveURL(/granularity=year.*layout=small-multiples|layout=small-multiples.*granularity=year/);
  await expect(page.locator('[data-testid^="multiple-"]')).toHaveCount(4);
  const bad = await page.goto("/?layout=stacked");
  expect(bad?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "problem" })).toContainText("layout: must be one of overlay, small-multiples");
});
