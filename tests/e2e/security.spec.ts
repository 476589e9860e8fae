// Security headers on every kind of route, no 500 on hostile addresses, and a forged write
// from a page of another origin refused by the tagging server with nothing changed.
import { expect, test } from "./fixtures";
import { TAGGING_URL } from "./helpers";

const ARTICLE = "002-5d473a49d580ab5d";

test("every kind of route carries the security headers", async ({ page, request }) => {
  await page.goto("/");
  const chunk = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
  const paths = ["/", "/articles", `/articles/${ARTICLE}`, "/codebook", "/no-such-page", "/articles/%ZZ", "/api/timeline", "/api/export/timeline.csv", "/api/timeline?granularity=week", chunk!];
  for (const path of paths) {
    const res = await request.get(path);
    const h = res.headers();
    expect(res.status(), path).toBeLessThan(500);
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

test("broken percent-encoding and prototype-named parameters get a 400 or a message, never a 500", async ({ page, request }) => {
  const bad = await page.goto("/articles/%ZZ");
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bad address");
  const api = await request.get(`/api/articles/%ZZ/annotations`);
  expect(api.status()).toBe(400);
  expect(typeof (await api.json()).error).toBe("string");
  for (const q of ["constructor=1", "toString=1", "hasOwnProperty=1"]) {
    const res = await page.goto(`/articles?${q}`);
    expect(res?.status(), q).toBeLessThan(500);
    await expect(page.getByText(q.split("=")[0]).first()).toBeVisible();
    const home = await page.goto(`/?${q}`);
    expect(home?.status(), q).toBeLessThan(500);
    await expect(page.getByText(/unknown parameter/).first()).toBeVisible();
    const json = await request.get(`/api/by-source?${q}`);
    expect(json.status()).toBe(400);
  }
});

test("a page of another origin cannot write to the tagging server", async ({ page, request }) => {
  const file = () => request.get(`${TAGGING_URL}/api/articles/${ARTICLE}/annotations`).then((r) => r.text());
  const before = await file();
  // A page with an opaque origin, like a file:// page opened by the analyst: it sends Origin: null.
  await page.goto("about:blank");
  const results = await page.evaluate(async ({ url }) => {
    const body = JSON.stringify({ start: 0, end: 40, themes: ["reform"], annotator: "mallory" });
    const noCors = await fetch(url, { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body }).then(() => "sent", (e) => String(e));
    const cors = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body }).then((r) => `status ${r.status}`, () => "blocked");
    return { noCors, cors };
  }, { url: `${TAGGING_URL}/api/articles/${ARTICLE}/annotations` });
  expect(results.cors).toBe("blocked"); // no CORS preflight is ever granted
  // A <form enctype="text/plain"> posts and navigates to the answer: a refusal.
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${ARTICLE}/annotations`) && r.request().method() === "POST");
  await page.setContent(`<form method="POST" enctype="text/plain" action="${TAGGING_URL}/api/articles/${ARTICLE}/annotations"><input name='{"start":0,"end":40,"themes":["reform"],"annotator":"mallory","x":"' value='"}'></form>`);
  await page.evaluate(() => document.querySelector("form")!.submit());
  expect((await answer).status()).toBe(403);
  expect(await file()).toBe(before);
});
