// Every browser test runs with a Content-Security-Policy watch: a `securitypolicyviolation`
// event or a console error about the policy in any page of the test's context fails the test.
// Specs import `test` and `expect` from here instead of @playwright/test.
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ cspWatch: void }>({
  cspWatch: [
    async ({ context }, use, testInfo) => {
      const violations: string[] = [];
      await context.exposeBinding("__reportCspViolation", ({ page }, text: string) => {
        violations.push(`${page.url()}: ${text}`);
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
          report?.(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      context.on("console", (msg) => {
        if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) violations.push(`${msg.location().url}: ${msg.text()}`);
      });
      await use();
      testInfo.annotations.push({ type: "csp", description: `${violations.length} violations` });
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
