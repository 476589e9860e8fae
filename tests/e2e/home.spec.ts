import { expect, test } from "@playwright/test";

test("the first page lists the five seeded articles with passages per theme", async ({ page }) => {
  await page.goto("/");
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole("columnheader", { name: "Innovation" })).toBeVisible();
  const minmetals = rows.filter({ hasText: "Weng Zuliang Meets with Jiang Liansheng" });
  await expect(minmetals).toContainText("25 Oct 2023");
  await expect(minmetals).toContainText("China Minmetals Corporation");
  await expect(rows.filter({ hasText: "In-depth implementation" })).toContainText("date unknown");
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});
