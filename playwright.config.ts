import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium by default (Playwright's browser download cannot run here); set
// CHROMIUM_PATH to use another build, or to "" for Playwright's own browser.
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "");
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server of the same build with tagging enabled, for the tests that write. */
const TAGGING_URL = `http://127.0.0.1:${Number(process.env.E2E_TAGGING_PORT ?? 3101)}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium || undefined,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }],
  webServer: [
    {
      // Fresh seeded databases, one production build, two servers (see tests/e2e/serve.sh).
      command: "bash tests/e2e/serve.sh",
      url: `http://127.0.0.1:${PORT}`,
      env: { NEXT_TELEMETRY_DISABLED: "1", E2E_PORT: String(PORT) },
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Started by the command above; listed so Playwright waits for it too.
      command: "node -e \"setInterval(() => {}, 1 << 30)\"",
      url: TAGGING_URL,
      timeout: 600_000,
      reuseExistingServer: true,
    },
  ],
});
