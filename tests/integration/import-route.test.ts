// Import in the app (POST /api/import): a dry run that writes nothing, corrections per row, the
// import itself, and every refusal (tagging off, another site, not JSON, no authority, too large,
// a bad body), each tried against a real SQLite file that must stay exactly as it was.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";
import type { ImportAnswer } from "@/lib/http/import-upload";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let db: TempDb;
let route: { POST: (r: Request) => Promise<Response> };
beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  route = (await import("@/app/api/import/route")) as unknown as typeof route;
});
afterAll(() => db.cleanup());
beforeEach(() => {
  process.env.TAGGING_ENABLED = "1";
  process.env.TAGGING_LOOPBACK_ONLY = "1"; // as `npm start` serves tagging without a secret
});
afterEach(() => {
  delete process.env.TAGGING_ENABLED;
  delete process.env.TAGGING_SECRET;
  delete process.env.TAGGING_LOOPBACK_ONLY;
});

const SITE = "http://localhost:3000";
const PAGE = { host: "localhost:3000", origin: SITE, "sec-fetch-site": "same-origin", "content-type": "application/json" };
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const TEXT = "Grid firm opens a plant\n\nDate: 2022-03-04\n\nSource: Grid Holdings\n\nThe grid firm opened a plant in the west, its first there.\n";
const CSV = 'title,date,source,body\n"Rail group signs deal",2021-06-01,Rail Group,"The rail group signed a deal for new lines."\n"",2021-06-02,Rail Group,"A row without a title."\n';
const upload = (extra: object = {}) => JSON.stringify({ files: [{ name: "grid.txt", content: b64(TEXT) }, { name: "rail.csv", content: b64(CSV) }], dryRun: true, ...extra });

function post(body: string, headers: Record<string, string | undefined> = {}): Request {
  const h = new Headers();
  for (const [k, v] of Object.entries({ ...PAGE, ...headers })) if (v !== undefined) h.set(k, v);
  return new Request(`${SITE}/api/import`, { method: "POST", headers: h, body });
}

async function expectRefused(req: Request, status: number, error: RegExp) {
  const before = snapshot(db.file);
  const res = await route.POST(req);
  expect(res.status).toBe(status);
  expect(String(((await res.json()) as { error: string }).error)).toMatch(error);
  expect(snapshot(db.file)).toBe(before);
}

describe("POST /api/import", () => {
  it("a dry run answers a row per file and per CSV row, with where each field came from, and writes nothing", async () => {
    const before = snapshot(db.file);
    const res = await route.POST(post(upload()));
    expect(res.status).toBe(200);
    const a = (await res.json()) as ImportAnswer;
    expect(a.summary).toBe("Dry run, nothing written: 1 file(s) and 2 row(s): 2 would be imported, 0 duplicate(s), 1 failed.");
    expect(a.rows.map((r) => [r.file, r.status])).toEqual([["grid.txt", "checked"], ["rail.csv:2", "checked"], ["rail.csv:3", "failed"]]);
    expect(a.rows[0]).toMatchObject({
      title: "Grid firm opens a plant",
      date: "2022-03-04",
      dateFrom: 'From the date line "Date: 2022-03-04".',
      source: { name: "Grid Holdings", isNew: true, from: '"Source: Grid Holdings"' },
      words: 12,
      nearDuplicate: null,
    });
    expect(a.rows[2].problems).toEqual(["title is empty"]);
    expect(snapshot(db.file)).toBe(before);
  });

  it("imports with a corrected title, and says where the title came from", async () => {
    const res = await route.POST(post(upload({ dryRun: false, corrections: { "0": { title: "Grid firm opens its first western plant" } } })));
    expect(res.status).toBe(200);
    const a = (await res.json()) as ImportAnswer;
    expect(a.summary).toBe("1 file(s) and 2 row(s): 2 imported, 0 duplicate(s) skipped, 1 failed.");
    expect(a.rows[0]).toMatchObject({ status: "imported", slug: "grid", title: "Grid firm opens its first western plant" });
    expect(a.rows[1]).toMatchObject({ status: "imported", slug: "rail-group-signs-deal" });
    const again = (await (await route.POST(post(upload()))).json()) as ImportAnswer;
    expect(again.rows.slice(0, 2).map((r) => [r.status, r.slug])).toEqual([["duplicate", "grid"], ["duplicate", "rail-group-signs-deal"]]);
  });

  it("refuses a bad correction or body with 400, naming the field", async () => {
    await expectRefused(post(upload({ corrections: { "9": { title: "x" } } })), 400, /^corrections: there is no row 9$/);
    await expectRefused(post(upload({ corrections: { "0": { colour: "red" } } })), 400, /corrections\.0/);
    await expectRefused(post(JSON.stringify({ files: [], dryRun: true })), 400, /files: choose at least one file/);
    await expectRefused(post("{not json"), 400, /must be JSON/);
  });

  it("a file that is not UTF-8 fails alone with its reason", async () => {
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]).toString("base64"); // "Café" in Latin-1
    const res = await route.POST(post(JSON.stringify({ files: [{ name: "old.txt", content: latin1 }], dryRun: true })));
    const a = (await res.json()) as ImportAnswer;
    expect(a.rows[0]).toMatchObject({ status: "failed", problems: ["not valid UTF-8: byte 0xE9 at byte offset 3 (save the file as UTF-8)"] });
  });

  it("refuses while tagging is off (403)", async () => {
    delete process.env.TAGGING_ENABLED;
    await expectRefused(post(upload({ dryRun: false })), 403, /Tagging is disabled/);
  });

  it("refuses another site's page (403), by Origin or by Sec-Fetch-Site", async () => {
    const other = upload({ dryRun: false, files: [{ name: "evil.txt", content: b64("Evil title\n\nA text from another site.\n") }] });
    await expectRefused(post(other, { origin: "https://evil.example" }), 403, /Cross-site write refused: Origin https:\/\/evil.example/);
    await expectRefused(post(other, { "sec-fetch-site": "cross-site" }), 403, /Sec-Fetch-Site is "cross-site"/);
  });

  it("refuses a body not declared JSON (415), as a form would send it", async () => {
    const other = upload({ dryRun: false, files: [{ name: "form.txt", content: b64("Form title\n\nA text sent by a form.\n") }] });
    await expectRefused(post(other, { "content-type": "text/plain" }), 415, /^Writes must send Content-Type: application\/json, not (text\/plain|multipart\/form-data)/);
    await expectRefused(post(other, { "content-type": "multipart/form-data; boundary=x" }), 415, /^Writes must send Content-Type: application\/json, not (text\/plain|multipart\/form-data)/);
  });

  it("refuses a wrong secret (403) and a request over the size limit (413)", async () => {
    process.env.TAGGING_SECRET = "s3cret";
    await expectRefused(post(upload({ dryRun: false }), { "x-tagging-secret": "guess" }), 403, /Wrong or missing tagging secret/);
    delete process.env.TAGGING_SECRET;
    await expectRefused(post(upload({ dryRun: false }), { "content-length": String(200 * 1024 * 1024) }), 413, /larger than/);
  });
});
