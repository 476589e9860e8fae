import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Screenshots land in test-results/screenshots/ for a person to look at. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** No WCAG A/AA violations that axe can detect. */
export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary).toEqual([]);
}

/** The server of the same build with tagging enabled (tests/e2e/serve.sh). */
export const TAGGING_URL = `http://127.0.0.1:${Number(process.env.E2E_TAGGING_PORT ?? 3101)}`;
