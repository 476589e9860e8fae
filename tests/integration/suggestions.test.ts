// Suggestions from the codebook's cues, through the route handlers, against a real SQLite file:
// what the reader offers, accepting (a normal passage: the dashboard's numbers move) and
// dismissing (not offered again to that coder), the counts per theme and coder, and every
// refusal leaving the database exactly as it was.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { copySeedDir, snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: TempDb;
let prisma: PrismaClient;
let suggestions: { GET: Handler; POST: Handler };
let counts: { GET: () => Promise<Response> };
let bySource: { GET: (r: Request) => Promise<Response> };
let articleThemes: { GET: (r: Request) => Promise<Response> };

// The mini seed plus gamma-003 (source "firm", coded by tester alone, so the consensus mirrors
// tester), and a reform cue of three pieces, one of them a lone word that is left out.
const GAMMA = "Reform the state firms now. Build chips at home.\nThe state firms need reform and mixed ownership. Chips need care. Stability matters.\n";
function seedDir(): string {
  const dir = copySeedDir(MINI_SEED);
  const codebook = JSON.parse(fs.readFileSync(path.join(dir, "codebook.json"), "utf8"));
  codebook.themes[1].cues = ["reform of state firms, mixed ownership, stability"];
  fs.writeFileSync(path.join(dir, "codebook.json"), JSON.stringify(codebook));
  fs.writeFileSync(path.join(dir, "articles/gamma_003.txt"), GAMMA);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "articles.json"), "utf8"));
  meta.articles.push({ file: "gamma_003.txt", title: "Gamma", date: "2024-03", datePrecision: "month", dateNote: "Month only.", dateBasis: "stated", source: "firm", publisher: null });
  fs.writeFileSync(path.join(dir, "articles.json"), JSON.stringify(meta));
  fs.writeFileSync(
    path.join(dir, "annotations/gamma-003.json"),
    JSON.stringify({ article: "gamma-003", coder: "tester", status: "coded", annotations: [{ themes: ["reform"], quote: "Reform the state firms now.", annotator: "tester" }] }),
  );
  return dir;
}

beforeAll(async () => {
  db = await seededDb(seedDir());
  prisma = createPrismaClient(db.url);
  suggestions = (await import("@/app/api/articles/[slug]/suggestions/route")) as unknown as typeof suggestions;
  counts = (await import("@/app/api/suggestions/route")) as unknown as typeof counts;
  bySource = await import("@/app/api/by-source/route");
  articleThemes = await import("@/app/api/export/article-themes.csv/route");
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});
afterEach(() => {
  delete process.env.TAGGING_ENABLED;
  delete process.env.TAGGING_LOOPBACK_ONLY;
});
const enableLoopbackTagging = () => {
  process.env.TAGGING_ENABLED = "1";
  process.env.TAGGING_LOOPBACK_ONLY = "1";
};

const SITE = "http://localhost:3000";
const PAGE_HEADERS = { host: "localhost:3000", origin: SITE, "sec-fetch-site": "same-origin", "content-type": "application/json" };
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const post = (body: unknown, headers: Record<string, string | undefined> = {}, slug = "gamma-003") => {
  const h = new Headers();
  for (const [k, v] of Object.entries({ ...PAGE_HEADERS, ...headers })) if (v !== undefined) h.set(k, v);
  return suggestions.POST(new Request(`${SITE}/x`, { method: "POST", headers: h, body: typeof body === "string" ? body : JSON.stringify(body) }), params(slug));
};
const offered = async (slug: string, coder?: string) => {
  const res = await suggestions.GET(new Request(`${SITE}/x${coder ? `?coder=${coder}` : ""}`), params(slug));
  expect(res.status).toBe(200);
  return (await res.json()).suggestions as { theme: string; start: number; end: number; sentence: string; cue: string; decidedBy: string[] }[];
};
/** The dashboard's number: reform passages of the source "firm" (alpha-001 and gamma-003), consensus. */
const firmReformPassages = async () => {
  const body = await (await bySource.GET(new Request(`${SITE}/api/by-source?metric=passages&theme=reform`))).json();
  const firm = body.sources.find((s: { source: string }) => s.source === "firm");
  return firm.cells.find((c: { theme: string }) => c.theme === "reform").value as number;
};

// Sentences of gamma-003 (offsets counted by hand; the stored body separates paragraphs with a
// blank line): "Reform the state firms now." 0-27 (tagged reform), "Build chips at home." 28-48,
// "The state firms need reform and mixed ownership." 50-98, "Chips need care." 99-115,
// "Stability matters." 116-134. Words: 5 + 4 + 8 + 3 + 2 = 22.
const STATE_FIRMS = { theme: "reform", start: 50, end: 98 };
const BUILD_CHIPS = { theme: "innovation", start: 28, end: 48 };
const CHIPS_CARE = { theme: "innovation", start: 99, end: 115 };

describe("what the reader offers", () => {
  it("is the untagged sentences a cue matches, per theme, with the piece of the cue", async () => {
    const body = (await prisma.article.findUniqueOrThrow({ where: { slug: "gamma-003" } })).body;
    expect(body.slice(STATE_FIRMS.start, STATE_FIRMS.end)).toBe("The state firms need reform and mixed ownership.");
    const list = await offered("gamma-003");
    expect(list.map((s) => [s.theme, s.start, s.end, s.sentence, s.cue, s.decidedBy])).toEqual([
      ["innovation", 28, 48, "Build chips at home.", "chips", []],
      ["reform", 50, 98, "The state firms need reform and mixed ownership.", "reform of state firms", []],
      ["innovation", 99, 115, "Chips need care.", "chips", []],
    ]);
    // alpha-001 and beta-002 are tagged wherever their cues match.
    expect(await offered("alpha-001")).toEqual([]);
  });

  it("is measured against the coding in view, and answers 404 and 400 for an unknown article or coder", async () => {
    // Nobody named "ana" has tagged gamma-003: against ana's (empty) coding the tagged sentence is offered too.
    expect((await offered("gamma-003", "ana")).map((s) => s.start)).toEqual([0, 28, 50, 99]);
    expect((await suggestions.GET(new Request(`${SITE}/x`), params("no-such"))).status).toBe(404);
    expect((await suggestions.GET(new Request(`${SITE}/x?coder=${encodeURIComponent("a b")}`), params("gamma-003"))).status).toBe(400);
  });
});

describe("refusals change nothing", () => {
  const accept = { decision: "accepted", ...STATE_FIRMS, annotator: "tester" };
  const expectRefused = async (send: () => Promise<Response>, status: number, error: RegExp) => {
    const before = snapshot(db.file);
    const res = await send();
    expect(res.status).toBe(status);
    expect(String((await res.json()).error)).toMatch(error);
    expect(snapshot(db.file)).toBe(before);
  };

  it("403 while tagging is off", async () => {
    await expectRefused(() => post(accept), 403, /tagging/i);
  });
  it("403 from another site, or a file:// page", async () => {
    enableLoopbackTagging();
    await expectRefused(() => post(accept, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), 403, /not this site/);
    await expectRefused(() => post(accept, { origin: "null" }), 403, /not this site/);
    await expectRefused(() => post(accept, { origin: undefined, "sec-fetch-site": "same-site" }), 403, /Sec-Fetch-Site/);
  });
  it("415 for a body not declared JSON (what a form can send)", async () => {
    enableLoopbackTagging();
    await expectRefused(() => post(accept, { "content-type": "text/plain" }), 415, /Content-Type: application\/json/);
    await expectRefused(() => post("decision=accepted", { "content-type": "application/x-www-form-urlencoded" }), 415, /Content-Type: application\/json/);
  });
  it("400 naming the field for a bad body, and for an answer to something never offered", async () => {
    enableLoopbackTagging();
    await expectRefused(() => post("{not json"), 400, /must be JSON/);
    await expectRefused(() => post({ ...accept, decision: "maybe" }), 400, /decision/);
    await expectRefused(() => post({ ...accept, start: -1 }), 400, /start/);
    await expectRefused(() => post({ ...accept, start: 98, end: 50 }), 400, /end: must be after start/);
    await expectRefused(() => post({ ...accept, annotator: "" }), 400, /annotator/);
    await expectRefused(() => post({ ...accept, extra: 1 }), 400, /extra|Unrecognized/i);
    await expectRefused(() => post({ ...accept, theme: "farming" }), 400, /theme: unknown theme "farming"/);
    // A real sentence, but one no reform cue matches; a span that is not a sentence; past the text.
    await expectRefused(() => post({ ...accept, start: 116, end: 134 }), 400, /no sentence at 116-134 of this article matches a cue of "reform"/);
    await expectRefused(() => post({ ...accept, start: 50, end: 60 }), 400, /no sentence at 50-60/);
    await expectRefused(() => post({ ...accept, end: 10_000 }), 400, /no sentence/);
    await expectRefused(() => post(accept, {}, "no-such"), 404, /no article "no-such"/);
  });
});

describe("answers", () => {
  it("accepting makes the sentence a passage of the coder, and the dashboard's numbers move", async () => {
    enableLoopbackTagging();
    // By source "firm" (alpha-001 and gamma-003): one reform passage each.
    expect(await firmReformPassages()).toBe(2);
    const csvBefore = await (await articleThemes.GET(new Request(`${SITE}/x?theme=reform`))).text();
    expect(csvBefore).toMatch(/\ngamma-003,2024-03,month,stated,coded,firm,,22,reform,5,1,/); // "Reform the state firms now.": 5 of 22 words

    const res = await post({ decision: "accepted", ...STATE_FIRMS, annotator: "tester" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ decision: "accepted", theme: "reform", coder: "tester", start: 50, end: 98 });
    expect(body.passageIds).toHaveLength(1);

    const made = await prisma.annotation.findMany({ where: { article: { slug: "gamma-003" }, start: 50 }, include: { theme: true }, orderBy: { coder: "asc" } });
    // In tester's coding, and (tester being the only coder) in the consensus the charts count.
    expect(made.map((p) => [p.coder, p.theme.slug, p.end, p.quote, p.annotator])).toEqual([
      ["consensus", "reform", 98, "The state firms need reform and mixed ownership.", "tester"],
      ["tester", "reform", 98, "The state firms need reform and mixed ownership.", "tester"],
    ]);
    expect(await firmReformPassages()).toBe(3);
    const csvAfter = await (await articleThemes.GET(new Request(`${SITE}/x?theme=reform`))).text();
    expect(csvAfter).toMatch(/\ngamma-003,2024-03,month,stated,coded,firm,,22,reform,13,2,/); // + 8 words
    // The history says who made it, like any tag.
    expect(await prisma.annotationEvent.count({ where: { annotationId: body.passageIds[0], action: "create", who: "tester" } })).toBe(1);
    // Tagged now: no longer offered.
    expect((await offered("gamma-003", "tester")).map((s) => s.start)).toEqual([28, 99]);
  });

  it("dismissing records it: not offered to that coder again, still to another, and not answered twice", async () => {
    enableLoopbackTagging();
    const res = await post({ decision: "dismissed", ...BUILD_CHIPS, annotator: "tester" });
    expect(res.status).toBe(200);
    expect(await firmReformPassages()).toBe(3); // a dismissal tags nothing
    expect(await prisma.annotation.count({ where: { article: { slug: "gamma-003" }, start: 28 } })).toBe(0);
    // The panel hides a suggestion whose decidedBy holds the coder it writes for.
    expect((await offered("gamma-003", "tester")).map((s) => [s.start, s.decidedBy])).toEqual([
      [28, ["tester"]],
      [99, []],
    ]);

    const before = snapshot(db.file);
    const again = await post({ decision: "accepted", ...BUILD_CHIPS, annotator: "tester" });
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatch(/already dismissed in tester's coding/);
    expect(snapshot(db.file)).toBe(before);
  });

  it("another coder answers in their own coding; the counts are per theme and coder", async () => {
    enableLoopbackTagging();
    expect((await post({ decision: "dismissed", ...BUILD_CHIPS, annotator: "ana" })).status).toBe(200);
    expect((await post({ decision: "accepted", ...CHIPS_CARE, annotator: "ana" })).status).toBe(200);
    // ana's passage is in ana's coding; with two coders the consensus no longer mirrors either.
    expect(await prisma.annotation.count({ where: { article: { slug: "gamma-003" }, coder: "ana" } })).toBe(1);
    const body = await (await counts.GET()).json();
    expect(body.counts).toEqual([
      { theme: "innovation", coder: "ana", accepted: 1, dismissed: 1 },
      { theme: "innovation", coder: "tester", accepted: 0, dismissed: 1 },
      { theme: "reform", coder: "tester", accepted: 1, dismissed: 0 },
    ]);
    const rows = await prisma.suggestionDecision.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.theme, r.coder, r.start, r.end, r.cue, r.decision, r.who])).toEqual([
      ["reform", "tester", 50, 98, "reform of state firms", "accepted", "tester"],
      ["innovation", "tester", 28, 48, "chips", "dismissed", "tester"],
      ["innovation", "ana", 28, 48, "chips", "dismissed", "ana"],
      ["innovation", "ana", 99, 115, "chips", "accepted", "ana"],
    ]);
  });
});
