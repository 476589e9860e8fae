// Import in the app, as a user does it: choose two files, check them, correct a title, import,
// open the new articles. Runs after tagging.spec.ts (files run in name order, one worker): the
// articles it adds are uncoded, and the tagging tests count the uncoded articles of the seed.
import { expect, test } from "./fixtures";
import { expectAxeClean, shot, TAGGING_URL } from "./helpers";

const GRID = "Grid firm opens a plant\n\nDate: 2022-03-04\n\nSource: Grid Holdings\n\nThe grid firm opened a plant in the west of the country, its first there, and hired 300 workers.\n";
const RAIL = "RAIL / INDUSTRY\n\nRail group signs a deal on new lines\n\nPublished: Aug 07, 2023 09:31 PM\n\nThe rail group signed a deal to build four new lines, the group said.\n\nCopyright © 2023 Rail Daily. All rights reserved.\n";
const CORRECTED = "Grid firm opens its first western plant";

test("the read-only instance says that importing needs tagging on", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("status")).toContainText("Importing is a write: it is off on this instance");
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
});

test("upload two files, correct a title, import, and open the new articles", async ({ page }) => {
  await page.goto(`${TAGGING_URL}/import`);
  await page.locator('input[type="file"]').setInputFiles([
    { name: "grid.txt", mimeType: "text/plain", buffer: Buffer.from(GRID) },
    { name: "rail.txt", mimeType: "text/plain", buffer: Buffer.from(RAIL) },
  ]);
  await page.getByRole("button", { name: "Check files" }).click();
  const rows = page.getByTestId("dry-run-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Dry run, nothing written: 2 file(s): 2 would be imported, 0 duplicate(s), 0 failed.")).toBeVisible();
  // What was detected, and where it came from.
  await expect(page.getByLabel("Title of rail.txt")).toHaveValue("Rail group signs a deal on new lines");
  await expect(page.getByLabel("Date of rail.txt")).toHaveValue("2023-08-07");
  await expect(rows.nth(1)).toContainText('From the date line "Published: Aug 07, 2023 09:31 PM".');
  await expect(page.getByLabel("Source of grid.txt")).toHaveValue("Grid Holdings");
  await expect(rows.nth(0)).toContainText("new organization, from \"Source: Grid Holdings\"");
  await expect(rows.nth(1)).toContainText("publisher: no site furniture names it (correct the publisher in this row)");

  await page.getByLabel("Title of grid.txt").fill(CORRECTED);
  await expectAxeClean(page);
  await shot(page, "import-dry-run");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "import-dry-run-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByTestId("import-result");
  await expect(result.getByRole("status")).toHaveText("2 file(s): 2 imported, 0 duplicate(s) skipped, 0 failed.");
  await shot(page, "import-result");
  await result.getByRole("link", { name: CORRECTED }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CORRECTED);
  await expect(page.getByText("Not coded").first()).toBeVisible();
  await page.goBack();
  await page.goto(`${TAGGING_URL}/articles/rail`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rail group signs a deal on new lines");
  await expect(page.getByTestId("article-body")).not.toContainText("All rights reserved");

  // The same files again: both already stored, nothing to import.
  await page.goto(`${TAGGING_URL}/import`);
  await page.locator('input[type="file"]').setInputFiles([{ name: "grid.txt", mimeType: "text/plain", buffer: Buffer.from(GRID) }]);
  await page.getByRole("button", { name: "Check files" }).click();
  await expect(page.getByText("Dry run, nothing written: 1 file(s): 0 would be imported, 1 duplicate(s), 0 failed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import" })).toBeDisabled();
});
