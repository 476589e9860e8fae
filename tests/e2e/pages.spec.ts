import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { WARM_UP_PATHS } from "../../lib/http/warm-up";
import { expectAxeClean, shot } from "./helpers";

test("the article list follows the same filters as the dashboard", async ({ page }) => {
  await page.goto("/articles");
  await expect(page.locator("table tbody tr")).toHaveCount(5);
  const minmetals = page.locator("table tbody tr").filter({ hasText: "Weng Zuliang Meets with Jiang Liansheng" });
  await expect(minmetals).toContainText("25 Oct 2023");
  await expect(minmetals).toContainText("China Minmetals");
  await expect(page.locator("table tbody tr").filter({ hasText: "In-depth implementation" })).toContainText("date unknown");
  await expectAxeClean(page);
  await shot(page, "articles");

  await page.goto("/articles?org=iucg&orgRole=publisher");
  await expect(page.locator("table tbody tr")).toHaveCount(2);
  await page.goto("/articles?from=2023-01-01");
  await expect(page.locator("table tbody tr")).toHaveCount(3); // the undated and the 2022 article are out
});

test("the reader highlights passages in theme colours and explains the date", async ({ page }) => {
  await page.goto("/articles/003-93a9992cb8902b99");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("three-year action conference");
  await expect(page.getByTestId("date-note")).toContainText("The year 2022 is inferred");
  const marks = page.locator('[data-testid="article-body"] mark');
  expect(await marks.count()).toBeGreaterThan(30);
  // A passage carrying several themes stays visible as each of them.
  await expect(page.locator('[data-testid="article-body"] mark[data-themes~="party-building"][data-themes~="reform"]').first()).toBeVisible();
  await expect(page.getByTestId("article-themes")).toContainText("Reform");
  await expectAxeClean(page);
  await shot(page, "reader");

  await page.goto("/articles/001-4f80914eab6d9808");
  await expect(page.getByText("Editorial title: the text has no title line.")).toBeVisible();
  await shot(page, "reader-editorial-title");
});

test("an unknown article is a 404 page", async ({ page }) => {
  const res = await page.goto("/articles/no-such-article");
  expect(res?.status()).toBe(404);
});

test("the codebook shows each theme with cues, boundaries, examples and counts", async ({ page }) => {
  await page.goto("/codebook");
  await expect(page.getByTestId("codebook-version")).toHaveText("2026-12-01.1");
  for (const name of ["Innovation", "Supply-chain security", "Party building", "Reform"]) {
    await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  }
  await expect(page.getByTestId("counts-reform")).toContainText("102 passages in 4 of 5 articles");
  await expectAxeClean(page);
  await shot(page, "codebook");
});

test("a bad page number on the article list is explained", async ({ page }) => {
  await page.goto("/articles?page=0");
  await expect(page.getByRole("alert").filter({ hasText: "problem" })).toContainText("page: must be a whole number from 1");
});

test("the production server warms its pages up once it starts, and every one of them answers", async () => {
  // tests/e2e/serve.sh keeps the read-only server's output. The warm-up (lib/http/warm-up.ts)
  // ends a second or two after the server starts listening.
  const log = path.join(process.cwd(), "tests/.tmp/e2e-server.log");
  await expect.poll(() => (fs.existsSync(log) ? fs.readFileSync(log, "utf8") : ""), { timeout: 60_000 }).toMatch(/Warmed up \d+ of \d+ routes/);
  const [, ok, all] = /Warmed up (\d+) of (\d+) routes/.exec(fs.readFileSync(log, "utf8"))!;
  expect(Number(all)).toBe(WARM_UP_PATHS.length);
  expect(ok).toBe(all);
});
