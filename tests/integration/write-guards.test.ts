// Every way a write is refused before it reaches the database: another site's page (Origin,
// Sec-Fetch-Site), a body not declared JSON (what a <form> or a no-cors fetch can send), a
// client that is not a browser or a host name that is not loopback without a secret, and a
// wrong secret. Each attack runs through the route handlers against a real SQLite file and
// must leave every row of it exactly as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: TempDb;
let annotations: { POST: Handler };
let annotation: { PATCH: Handler; DELETE: Handler };
let article: { PATCH: Handler };

beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  annotations = (await import("@/app/api/articles/[slug]/annotations/route")) as unknown as typeof annotations;
  annotation = (await import("@/app/api/annotations/[id]/route")) as unknown as typeof annotation;
  article = (await import("@/app/api/articles/[slug]/route")) as unknown as typeof article;
});
afterAll(() => db.cleanup());
afterEach(() => {
  delete process.env.TAGGING_ENABLED;
  delete process.env.TAGGING_SECRET;
  delete process.env.TAGGING_LOOPBACK_ONLY;
});

const SITE = "http://localhost:3000";
const PAGE_HEADERS = { host: "localhost:3000", origin: SITE, "sec-fetch-site": "same-origin", "content-type": "application/json" };
const NEW_PASSAGE = JSON.stringify({ start: 22, end: 27, themes: ["reform"], annotator: "mallory" });
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

/** Headers as given; `undefined` removes one of the page's defaults. */
function write(method: string, headers: Record<string, string | undefined>, body: string | undefined = NEW_PASSAGE, url = `${SITE}/x`): Request {
  const h = new Headers();
  for (const [k, v] of Object.entries({ ...PAGE_HEADERS, ...headers })) if (v !== undefined) h.set(k, v);
  return new Request(url, { method, headers: h, body: method === "DELETE" ? undefined : body });
}

/** Sends the request to all four write routes' shapes and returns the statuses and errors. */
async function attempt(make: (method: string) => Request): Promise<{ status: number; error: string }[]> {
  const responses = [
    await annotations.POST(make("POST"), params({ slug: "alpha-001" })),
    await annotation.PATCH(make("PATCH"), params({ id: "1" })),
    await annotation.DELETE(make("DELETE"), params({ id: "1" })),
    await article.PATCH(make("PATCH"), params({ slug: "alpha-001" })),
  ];
  return Promise.all(responses.map(async (r) => ({ status: r.status, error: String((await r.json()).error) })));
}

async function expectRefused(make: (method: string) => Request, status: number, error: RegExp) {
  const before = snapshot(db.file);
  const results = await attempt(make);
  for (const r of results) {
    expect(r.status).toBe(status);
    expect(r.error).toMatch(error);
  }
  expect(snapshot(db.file)).toBe(before);
}

const loopbackMode = () => {
  process.env.TAGGING_ENABLED = "1";
  process.env.TAGGING_LOOPBACK_ONLY = "1";
};

describe("cross-site writes", () => {
  it("refuse another site's Origin with 403", async () => {
    loopbackMode();
    await expectRefused((m) => write(m, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), 403, /Origin https:\/\/evil\.example is not this site/);
  });

  it("refuse a file:// page or sandboxed frame (Origin: null) with 403", async () => {
    loopbackMode();
    await expectRefused((m) => write(m, { origin: "null", "sec-fetch-site": undefined }), 403, /Origin null is not this site/);
  });

  it("refuse another port of the same host (another origin) with 403", async () => {
    loopbackMode();
    await expectRefused((m) => write(m, { origin: "http://localhost:3001" }), 403, /not this site/);
  });

  it("refuse look-alike origins with 403", async () => {
    loopbackMode();
    await expectRefused((m) => write(m, { origin: "http://localhost:3000.evil.example" }), 403, /not this site/);
    await expectRefused((m) => write(m, { origin: "http://evil.example/localhost:3000" }), 403, /not this site/);
    await expectRefused((m) => write(m, { origin: "chrome-extension://localhost:3000" }), 403, /not this site/);
  });

  it("refuse Sec-Fetch-Site cross-site or same-site with 403, even without Origin", async () => {
    loopbackMode();
    await expectRefused((m) => write(m, { origin: undefined, "sec-fetch-site": "cross-site" }), 403, /Sec-Fetch-Site is "cross-site"/);
    await expectRefused((m) => write(m, { origin: undefined, "sec-fetch-site": "same-site" }), 403, /Sec-Fetch-Site is "same-site"/);
  });

  it("refuse a cross-site write even with the right secret", async () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_SECRET = "s3cret";
    await expectRefused((m) => write(m, { origin: "https://evil.example", "x-tagging-secret": "s3cret" }), 403, /not this site/);
  });
});

describe("bodies not declared JSON", () => {
  // What a no-cors fetch or a <form> can send without a CORS preflight, here from this very
  // site so that only the content type is wrong.
  const cases: [string, string | undefined, string][] = [
    ["text/plain (no-cors fetch)", "text/plain", NEW_PASSAGE],
    ["text/plain (form enctype=text/plain)", "text/plain", `${NEW_PASSAGE.slice(0, -1)}=}`],
    ["application/x-www-form-urlencoded (default form)", "application/x-www-form-urlencoded", "start=22&end=27&themes=reform&annotator=mallory"],
    ["multipart/form-data", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"start\"\r\n\r\n22\r\n--x--\r\n"],
    ["no Content-Type at all", undefined, NEW_PASSAGE],
    ["a look-alike type", "application/jsonp", NEW_PASSAGE],
  ];
  for (const [name, type, body] of cases) {
    it(`answer 415 for ${name}`, async () => {
      loopbackMode();
      await expectRefused((m) => write(m, { "content-type": type }, body), 415, /Writes must send Content-Type: application\/json/);
    });
  }

  it("accept application/json with parameters, in any case", async () => {
    loopbackMode();
    const res = await annotations.POST(write("POST", { "content-type": "Application/JSON; charset=utf-8" }), params({ slug: "alpha-001" }));
    expect(res.status).toBe(200);
    const ids = (await res.json()).ids as number[];
    for (const id of ids) expect((await annotation.DELETE(write("DELETE", {}, undefined, `${SITE}/x?annotator=guard`), params({ id: String(id) }))).status).toBe(200);
  });
});

describe("without TAGGING_SECRET", () => {
  it("refuse a spoofed Host when the server is not bound to loopback (started without npm start)", async () => {
    process.env.TAGGING_ENABLED = "1"; // no TAGGING_LOOPBACK_ONLY: e.g. a bare `next start` on every interface
    await expectRefused((m) => write(m, {}), 403, /needs the server bound to 127\.0\.0\.1/);
  });

  it("refuse a client that is not a browser (no Origin, no Sec-Fetch-Site), whatever its Host says", async () => {
    loopbackMode();
    await expectRefused((m) => write(m, { origin: undefined, "sec-fetch-site": undefined, host: "localhost:3000" }), 403, /only the app's own pages may write/);
  });

  it("refuse a page whose own host name is not loopback (DNS rebinding)", async () => {
    loopbackMode();
    const rebound = "http://evil.example:3000";
    await expectRefused(
      (m) => write(m, { host: "evil.example:3000", origin: rebound }, NEW_PASSAGE, `${rebound}/x`),
      403,
      /must be addressed as localhost or 127\.0\.0\.1/,
    );
  });

  it("accept the app's own page at 127.0.0.1", async () => {
    loopbackMode();
    const site = "http://127.0.0.1:3301";
    const res = await annotations.POST(write("POST", { host: "127.0.0.1:3301", origin: site }, NEW_PASSAGE, `${site}/x`), params({ slug: "alpha-001" }));
    expect(res.status).toBe(200);
    for (const id of (await res.json()).ids as number[]) await annotation.DELETE(write("DELETE", {}), params({ id: String(id) }));
  });
});

describe("with TAGGING_SECRET", () => {
  const secretMode = () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_SECRET = "s3cret";
  };

  it("refuse a wrong, missing or longer secret with 403", async () => {
    secretMode();
    await expectRefused((m) => write(m, { "x-tagging-secret": "wrong!" }), 403, /Wrong or missing tagging secret/);
    await expectRefused((m) => write(m, {}), 403, /Wrong or missing tagging secret/);
    await expectRefused((m) => write(m, { "x-tagging-secret": "s3cret2" }), 403, /Wrong or missing tagging secret/);
  });

  it("accept this site's page behind a reverse proxy that sets X-Forwarded-Host", async () => {
    secretMode();
    const site = "https://tracker.example.org";
    const proxied = (m: string) => write(m, { host: "127.0.0.1:3000", "x-forwarded-host": "tracker.example.org", origin: site, "x-tagging-secret": "s3cret" });
    const res = await annotations.POST(proxied("POST"), params({ slug: "alpha-001" }));
    expect(res.status).toBe(200);
    for (const id of (await res.json()).ids as number[]) expect((await annotation.DELETE(proxied("DELETE"), params({ id: String(id) }))).status).toBe(200);
  });

  it("refuse a script with a wrong secret, and accept one with the right secret from any host", async () => {
    secretMode();
    const script = (m: string, secret: string) => write(m, { origin: undefined, "sec-fetch-site": undefined, host: "tracker.example.org", "x-tagging-secret": secret }, NEW_PASSAGE, "http://tracker.example.org/x");
    await expectRefused((m) => script(m, "guess"), 403, /Wrong or missing tagging secret/);
    const res = await annotations.POST(script("POST", "s3cret"), params({ slug: "alpha-001" }));
    expect(res.status).toBe(200);
    for (const id of (await res.json()).ids as number[]) expect((await annotation.DELETE(script("DELETE", "s3cret"), params({ id: String(id) }))).status).toBe(200);
  });
});
