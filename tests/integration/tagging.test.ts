// Writes from the reader, through the route handlers, against a real SQLite file.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: TempDb;
let prisma: PrismaClient;
let annotations: { POST: Handler; GET: Handler };
let annotation: { PATCH: Handler; DELETE: Handler };
let article: { PATCH: Handler };
let status: { PATCH: Handler };

beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  prisma = createPrismaClient(db.url);
  annotations = (await import("@/app/api/articles/[slug]/annotations/route")) as unknown as typeof annotations;
  annotation = (await import("@/app/api/annotations/[id]/route")) as unknown as typeof annotation;
  article = (await import("@/app/api/articles/[slug]/route")) as unknown as typeof article;
  status = (await import("@/app/api/articles/[slug]/status/route")) as unknown as typeof status;
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});
afterEach(() => {
  delete process.env.TAGGING_ENABLED;
  delete process.env.TAGGING_SECRET;
  delete process.env.TAGGING_LOOPBACK_ONLY;
});
/** Tagging on, served the way `npm start` serves it without a secret: bound to 127.0.0.1. */
const enableLoopbackTagging = () => {
  process.env.TAGGING_ENABLED = "1";
  process.env.TAGGING_LOOPBACK_ONLY = "1";
};

/** A write as the app's own page sends it from http://localhost:3000 (refusals: write-guards.test.ts). */
const req = (method: string, body?: object, headers: Record<string, string> = {}, query = "") =>
  new Request(`http://localhost:3000/x${query}`, {
    method,
    headers: { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const stat = (slug: string, theme: string) =>
  prisma.articleTheme.findFirstOrThrow({ where: { article: { slug }, theme: { slug: theme }, coder: "consensus" } }).then((s) => [s.taggedWords, s.passages]);

describe("write endpoints", () => {
  it("answer 403 and change nothing while tagging is disabled", async () => {
    const before = snapshot(db.file);
    const res = await annotations.POST(req("POST", { start: 0, end: 6, themes: ["reform"], annotator: "a" }), params({ slug: "alpha-001" }));
    expect(res.status).toBe(403);
    expect((await annotation.DELETE(req("DELETE", undefined, {}, "?annotator=tester"), params({ id: "1" }))).status).toBe(403);
    expect(snapshot(db.file)).toBe(before);
  });

  it("need the shared secret when one is set", async () => {
    enableLoopbackTagging();
    const body = { start: 22, end: 27, themes: ["reform"], annotator: "tester" };
    process.env.TAGGING_SECRET = "s3cret";
    expect((await annotations.POST(req("POST", body, { "x-tagging-secret": "wrong" }), params({ slug: "alpha-001" }))).status).toBe(403);
    const ok = await annotations.POST(req("POST", body, { "x-tagging-secret": "s3cret" }), params({ slug: "alpha-001" }));
    expect(ok.status).toBe(200);
    await annotation.DELETE(req("DELETE", undefined, { "x-tagging-secret": "s3cret" }, "?annotator=tester"), params({ id: String((await ok.json()).ids[0]) }));
  });

  it("tag a selection snapped to whole words, one passage per theme, and update the totals", async () => {
    enableLoopbackTagging();
    // alpha body: "Reform the firms now. Build chips at home."; select "ips at ho" (30..39)
    // "tester" is the article's only coder, so the consensus (what stat() reads) follows the edit.
    const res = await annotations.POST(req("POST", { start: 30, end: 39, themes: ["reform", "innovation"], annotator: "tester", note: "test" }), params({ slug: "alpha-001" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ start: 28, end: 41, quote: "chips at home" });
    expect(body.ids).toHaveLength(1); // innovation already had exactly this span in the seed; only reform is new
    expect(await stat("alpha-001", "reform")).toEqual([7, 2]); // Reform the firms now + chips at home
    expect(await stat("alpha-001", "innovation")).toEqual([4, 2]); // unchanged

    const edit = await annotation.PATCH(req("PATCH", { theme: "innovation", annotator: "tester" }), params({ id: String(body.ids[0]) }));
    expect(edit.status).toBe(400);
    expect((await edit.json()).error).toBe("theme: this passage already carries that theme");
    const del = await annotation.DELETE(req("DELETE", undefined, {}, "?annotator=tester"), params({ id: String(body.ids[0]) }));
    expect(del.status).toBe(200);
    expect(await stat("alpha-001", "reform")).toEqual([4, 1]);
  });

  it("explain bad input with 400s and unknown targets with 404s", async () => {
    enableLoopbackTagging();
    const post = (slug: string, b: object) => annotations.POST(req("POST", b), params({ slug }));
    expect((await (await post("alpha-001", { start: 20, end: 22, themes: ["reform"], annotator: "a" })).json()).error).toBe(
      "start: the selection holds no words of the article",
    );
    expect((await (await post("alpha-001", { start: 0, end: 6, themes: [], annotator: "a" })).json()).error).toBe("themes: choose at least one theme");
    expect((await (await post("alpha-001", { start: 0, end: 6, themes: ["farming"], annotator: "a" })).json()).error).toBe("themes: unknown theme: farming");
    expect((await post("alpha-001", { start: 0, end: 6, themes: ["reform"], annotator: " " })).status).toBe(400);
    expect((await post("nope", { start: 0, end: 6, themes: ["reform"], annotator: "a" })).status).toBe(404);
    expect((await annotation.DELETE(req("DELETE", undefined, {}, "?annotator=tester"), params({ id: "999999" }))).status).toBe(404);
    const notJson = new Request("http://localhost:3000/x", { method: "POST", headers: req("POST").headers, body: "{" });
    expect((await annotations.POST(notJson, params({ slug: "alpha-001" }))).status).toBe(400);
  });

  it("edit metadata with the date checked against its precision", async () => {
    enableLoopbackTagging();
    const meta = { title: "Beta, retitled", date: "2024-02", datePrecision: "month", dateNote: "From the print edition.", dateBasis: "inferred", source: "regulator", publisher: "firm", annotator: "ana" };
    const bad = await article.PATCH(req("PATCH", { ...meta, date: "2024-02-30", datePrecision: "day" }), params({ slug: "beta-002" }));
    expect((await bad.json()).error).toBe('date: "2024-02-30" is not a valid YYYY-MM-DD date');
    expect((await article.PATCH(req("PATCH", { ...meta, source: "nobody" }), params({ slug: "beta-002" }))).status).toBe(400);
    expect((await article.PATCH(req("PATCH", meta), params({ slug: "beta-002" }))).status).toBe(200);
    const a = await prisma.article.findUniqueOrThrow({ where: { slug: "beta-002" }, include: { publisher: true } });
    expect([a.title, a.dateStart, a.dateEnd, a.datePrecision, a.dateNote, a.dateBasis, a.publisher?.slug]).toEqual([
      "Beta, retitled", "2024-02-01", "2024-02-29", "month", "From the print edition.", "inferred", "firm",
    ]);
    const noBasis = await article.PATCH(req("PATCH", { ...meta, dateBasis: null }), params({ slug: "beta-002" }));
    expect((await noBasis.json()).error).toBe('dateBasis: say whether the date is "stated" by the text or "inferred"');
  });

  it("set the coding status, which brings an article into the figures or takes it out", async () => {
    const { getSummary } = await import("@/lib/queries/analytics");
    const { parseFilters } = await import("@/lib/filters/schema");
    const f = (parseFilters({}) as { ok: true; value: import("@/lib/filters/schema").Filters }).value;
    const before = await getSummary(f);
    const frozen = snapshot(db.file);
    // Refused while tagging is off: nothing changes.
    expect((await status.PATCH(req("PATCH", { status: "uncoded", annotator: "ana" }), params({ slug: "alpha-001" }))).status).toBe(403);
    expect(snapshot(db.file)).toBe(frozen);
    enableLoopbackTagging();
    const bad = await status.PATCH(req("PATCH", { status: "done", annotator: "ana" }), params({ slug: "alpha-001" }));
    expect(bad.status).toBe(400);
    expect(snapshot(db.file)).toBe(frozen);
    expect((await status.PATCH(req("PATCH", { status: "uncoded", annotator: "ana" }), params({ slug: "nope" }))).status).toBe(404);

    expect((await status.PATCH(req("PATCH", { status: "uncoded", annotator: "tester" }), params({ slug: "alpha-001" }))).status).toBe(200);
    const out = await getSummary(f);
    expect([out.articles, out.notCoded]).toEqual([before.articles - 1, before.notCoded + 1]);
    expect((await status.PATCH(req("PATCH", { status: "reviewed", annotator: "tester" }), params({ slug: "alpha-001" }))).status).toBe(200);
    expect((await getSummary(f)).articles).toBe(before.articles);
  });

  it("serve an article's passages as an annotation file", async () => {
    const res = await annotations.GET(new Request("http://localhost/x"), params({ slug: "beta-002" }));
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="beta-002.json"');
    expect(JSON.parse(await res.text())).toMatchObject({ article: "beta-002" });
    expect((await annotations.GET(new Request("http://localhost/x"), params({ slug: "nope" }))).status).toBe(404);
  });
});
