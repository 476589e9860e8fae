// Several coders on one article, against a real SQLite file: a second coder's independent coding
// leaves the consensus (the charts) alone, agreement is measured once both codings are done, the
// disagreement is listed, adjudication writes the consensus and is recorded, and undo reverts.
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: TempDb;
let prisma: PrismaClient;
const h: Record<string, { POST?: Handler; PATCH?: Handler; GET?: (r: Request) => Promise<Response> }> = {};

beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  prisma = createPrismaClient(db.url);
  h.annotations = (await import("@/app/api/articles/[slug]/annotations/route")) as unknown as (typeof h)[string];
  h.status = (await import("@/app/api/articles/[slug]/status/route")) as unknown as (typeof h)[string];
  h.undo = (await import("@/app/api/articles/[slug]/undo/route")) as unknown as (typeof h)[string];
  h.adjudications = (await import("@/app/api/articles/[slug]/adjudications/route")) as unknown as (typeof h)[string];
  h.agreement = (await import("@/app/api/agreement/route")) as unknown as (typeof h)[string];
  h.agreementCsv = (await import("@/app/api/export/agreement.csv/route")) as unknown as (typeof h)[string];
  h.timeline = (await import("@/app/api/timeline/route")) as unknown as (typeof h)[string];
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});
afterEach(() => {
  delete process.env.TAGGING_ENABLED;
  delete process.env.TAGGING_LOOPBACK_ONLY;
});

const req = (method: string, body?: object) =>
  new Request("http://localhost:3000/x", {
    method,
    headers: { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
const slug = (s: string) => ({ params: Promise.resolve({ slug: s }) });
const consensus = (theme: string) =>
  prisma.articleTheme.findFirstOrThrow({ where: { article: { slug: "alpha-001" }, theme: { slug: theme }, coder: "consensus" } }).then((s) => [s.taggedWords, s.passages]);

// alpha-001: "Reform the firms now. Build chips at home." (8 words). tester tagged reform on the first
// sentence and innovation on "Build chips" and "chips at home".
describe("a second coder", () => {
  it("codes independently: the consensus and the charts do not move", async () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1";
    const before = await consensus("innovation");
    const res = await h.annotations.POST!(req("POST", { start: 22, end: 41, themes: ["innovation"], annotator: "bo" }), slug("alpha-001"));
    expect(res.status).toBe(200);
    expect((await res.json()).coder).toBe("bo");
    expect(await consensus("innovation")).toEqual(before);
    expect(await consensus("reform")).toEqual([4, 1]);
    expect(await prisma.articleCoding.findMany({ where: { article: { slug: "alpha-001" } }, select: { coder: true, status: true }, orderBy: { coder: "asc" } })).toEqual([
      { coder: "bo", status: "in-progress" },
      { coder: "tester", status: "coded" },
    ]);
    const bo = await prisma.articleTheme.findFirstOrThrow({ where: { article: { slug: "alpha-001" }, theme: { slug: "innovation" }, coder: "bo" } });
    expect([bo.taggedWords, bo.passages]).toEqual([4, 1]);
  });

  it("is charted on its own with coder=bo once that coding is done", async () => {
    const open = await (await h.timeline.GET!(new Request("http://t/x?coder=bo&granularity=month"))).json();
    expect(open.periods.every((p: { articles: number }) => p.articles === 0)).toBe(true); // bo's coding is still in progress
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1";
    expect((await h.status.PATCH!(req("PATCH", { status: "coded", annotator: "bo" }), slug("alpha-001"))).status).toBe(200);
    const done = await (await h.timeline.GET!(new Request("http://t/x?coder=bo&granularity=month"))).json();
    const jan = done.periods.find((p: { period: string }) => p.period === "2024-01");
    expect(jan.articles).toBe(1);
    expect(jan.cells.map((c: { theme: string; value: number }) => [c.theme, c.value])).toEqual([["innovation", 50], ["reform", 0]]);
    const unknown = await h.timeline.GET!(new Request("http://t/x?coder=nobody"));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).issues[0].parameter).toBe("coder");
  });
});

describe("agreement", () => {
  it("gives word alpha and sentence kappa per theme for the pair, matching the hand computation", async () => {
    const body = await (await h.agreement.GET!(new Request("http://t/api/agreement"))).json();
    const row = (theme: string | null) => body.pairs.find((p: { theme: string | null }) => p.theme === theme);
    // innovation: both cover words 5-8 exactly: perfect agreement.
    expect(row("innovation")).toMatchObject({ coderA: "bo", coderB: "tester", articles: 1, units: 8, alphaWord: 1 });
    // reform: tester covers words 1-4, bo none. o01 = o10 = 4, o00 = 8; n0 = 12, n1 = 4, n = 16.
    // D_o = 8/16 = 0.5; D_e = 2*12*4/(16*15) = 0.4; alpha = 1 - 0.5/0.4 = -0.25.
    expect(row("reform").alphaWord).toBeCloseTo(-0.25, 10);
    // Two sentences: both carry innovation for both (kappa undefined: one category), reform only for tester's first.
    expect(row("reform")).toMatchObject({ sentenceUnits: 2, percentAgreement: 50 });
    const csv = parse(await (await h.agreementCsv.GET!(new Request("http://t/x"))).text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(csv[0]).slice(0, 8)).toEqual(["theme", "coder_a", "coder_b", "articles", "units", "alpha_word", "kappa_sentence", "percent_agreement"]);
    expect(csv.find((r) => r.theme === "reform")).toMatchObject({ coder_a: "bo", coder_b: "tester", units: "8", alpha_word: "-0.25" });
    expect((await h.agreement.GET!(new Request("http://t/api/agreement?x=1"))).status).toBe(400);
  });
});

describe("adjudication", () => {
  it("lists the disagreement, writes the decision into the consensus, records it, and the dashboard changes", async () => {
    const { getDisagreements } = await import("@/lib/queries/agreement");
    const view = (await getDisagreements("alpha-001", "bo", "tester"))!;
    expect(view.disagreements.map((d) => [d.theme, d.start, d.end, d.a.length, d.b.length])).toEqual([["reform", 0, 21, 0, 1]]);
    const timelineBefore = await (await h.timeline.GET!(new Request("http://t/x?granularity=month"))).json();
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1";
    const frozen = snapshot(db.file);
    const bad = await h.adjudications.POST!(req("POST", { theme: "reform", coderA: "bo", coderB: "bo", start: 0, end: 21, decision: "a", annotator: "judge" }), slug("alpha-001"));
    expect(bad.status).toBe(400);
    expect(snapshot(db.file)).toBe(frozen);
    const res = await h.adjudications.POST!(
      req("POST", { theme: "reform", coderA: "bo", coderB: "tester", start: 0, end: 21, decision: "a", reason: "a call to reform firms is not SOE reform here", annotator: "judge" }),
      slug("alpha-001"),
    );
    expect(res.status).toBe(200);
    expect(await consensus("reform")).toEqual([0, 0]); // bo's reading: no reform passage
    const rec = await prisma.adjudication.findFirstOrThrow();
    expect([rec.theme, rec.decision, rec.adjudicator, JSON.parse(rec.fromPassages)]).toEqual(["reform", "a", "judge", [{ coder: "tester", start: 0, end: 21, quote: "Reform the firms now." }]]);
    const after = await (await h.timeline.GET!(new Request("http://t/x?granularity=month"))).json();
    const jan = (t: { periods: { period: string; cells: { theme: string; value: number }[] }[] }) => t.periods.find((p) => p.period === "2024-01")!.cells.find((c) => c.theme === "reform")!.value;
    expect([jan(timelineBefore), jan(after)]).toEqual([50, 0]);
    // From now on the consensus no longer follows a coder's edits.
    await h.annotations.POST!(req("POST", { start: 0, end: 6, themes: ["reform"], annotator: "tester" }), slug("alpha-001"));
    expect(await consensus("reform")).toEqual([0, 0]);
  });
});

describe("forgiving tagging", () => {
  it("refuses offsets past the text with a 400 and changes nothing", async () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1";
    const frozen = snapshot(db.file);
    const res = await h.annotations.POST!(req("POST", { start: 0, end: 99999, themes: ["reform"], annotator: "bo" }), slug("alpha-001"));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("end: must be at most 42, the length of the article's text");
    expect(snapshot(db.file)).toBe(frozen);
  });

  it("keeps a history of every change and undoes the latest of one person's", async () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1";
    const bo = () => prisma.annotation.count({ where: { article: { slug: "alpha-001" }, coder: "bo" } });
    const n = await bo();
    await h.annotations.POST!(req("POST", { start: 0, end: 6, themes: ["reform"], annotator: "bo" }), slug("alpha-001"));
    expect(await bo()).toBe(n + 1);
    const undo = await h.undo.POST!(req("POST", { annotator: "bo" }), slug("alpha-001"));
    expect(undo.status).toBe(200);
    expect(await undo.json()).toMatchObject({ action: "create" });
    expect(await bo()).toBe(n);
    const { getHistory } = await import("@/lib/queries/articles");
    const history = await getHistory("alpha-001");
    expect(history[0]).toMatchObject({ who: "bo", action: "undo", before: { quote: "Reform" }, after: null });
    expect(history[1]).toMatchObject({ who: "bo", action: "create", after: { theme: "reform", quote: "Reform" } });
    // Undo again reverts the one before: bo's first passage.
    await h.undo.POST!(req("POST", { annotator: "bo" }), slug("alpha-001"));
    expect(await bo()).toBe(n - 1);
    const nothing = await h.undo.POST!(req("POST", { annotator: "nobody" }), slug("alpha-001"));
    expect(nothing.status).toBe(400);
  });
});
