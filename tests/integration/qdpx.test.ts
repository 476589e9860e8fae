// REFI-QDA exchange against real SQLite files: the export is stable and its positions select
// each quote exactly; export -> import into an empty database -> export gives the same bytes;
// a project "made by another tool" (CRLF and lone-CR sources, characters outside the BMP before
// selections, a code with no theme) imports with every quote exact; bad files change nothing.
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { buildQdpx } from "@/lib/corpus/qdpx/export";
import { readQdaFile, type QdaProject } from "@/lib/corpus/qdpx/read";
import { getQdpxProject } from "@/lib/queries/qdpx";
import { importQdaProject, type QdaImportOptions } from "@/lib/writes/qdpx-import";
import { createTempDb, snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

let seeded: TempDb;
let prisma: PrismaClient;
beforeAll(async () => {
  seeded = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  prisma = createPrismaClient(seeded.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  seeded.cleanup();
});

const read = (file: string, bytes: Uint8Array): QdaProject => {
  const r = readQdaFile(file, bytes);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.project;
};

async function withEmptyDb<T>(fn: (p: PrismaClient, db: TempDb) => Promise<T>): Promise<T> {
  const db = createTempDb();
  const p = createPrismaClient(db.url);
  try {
    return await fn(p, db);
  } finally {
    await p.$disconnect();
    db.cleanup();
  }
}

type X = Record<string, unknown>;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (n) => ["TextSource", "PlainTextSelection", "Code", "User"].includes(n) });

describe("export", () => {
  it("is byte-identical when the project has not changed, and carries every theme, article and passage", async () => {
    const a = buildQdpx(await getQdpxProject(prisma));
    const b = buildQdpx(await getQdpxProject(prisma));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = unzipSync(a);
    const doc = xml.parse(strFromU8(files["project.qde"])) as { Project: X };
    const codes = ((doc.Project.CodeBook as X).Codes as X).Code as X[];
    expect(codes.map((c) => c.name)).toEqual(["Innovation", "Supply-chain security", "Party building", "Reform"]);
    expect(codes.map((c) => c.color)).toEqual(["#0072B2", "#E69F00", "#CC79A7", "#009E73"]);
    const sources = (doc.Project.Sources as X).TextSource as X[];
    expect(sources).toHaveLength(await prisma.article.count());
    const selections = sources.flatMap((s) => (s.PlainTextSelection as X[] | undefined) ?? []);
    expect(selections).toHaveLength(await prisma.annotation.count({ where: { coder: "consensus" } })); // the consensus coding
    expect(Object.keys(files).filter((f) => f.startsWith("sources/"))).toHaveLength(sources.length);
  });

  it("counts positions in code points: each selection of the exported text is the passage's quote", async () => {
    const files = unzipSync(buildQdpx(await getQdpxProject(prisma)));
    const doc = xml.parse(strFromU8(files["project.qde"])) as { Project: X };
    const codeName = new Map((((doc.Project.CodeBook as X).Codes as X).Code as X[]).map((c) => [c.guid, c.name]));
    const stored = await prisma.annotation.findMany({ where: { coder: "consensus" }, include: { theme: true } });
    const exported: string[] = [];
    for (const s of (doc.Project.Sources as X).TextSource as X[]) {
      const text = Array.from(strFromU8(files[`sources/${String(s.plainTextPath).replace("internal://", "")}`]));
      for (const sel of (s.PlainTextSelection as X[] | undefined) ?? []) {
        const quote = text.slice(Number(sel.startPosition), Number(sel.endPosition)).join("");
        exported.push(`${codeName.get(((sel.Coding as X).CodeRef as X).targetGUID)}|${quote}`);
      }
    }
    expect(exported.sort()).toEqual(stored.map((a) => `${a.theme.name}|${a.quote}`).sort());
  });

  it("moves positions after a character outside the BMP (one code point, two UTF-16 units)", () => {
    const body = "😀 Reform now.";
    const bytes = buildQdpx({
      themes: [{ slug: "reform", name: "Reform", colour: "#009E73", definition: "" }],
      articles: [{ slug: "e", title: "E", body, date: "", datePrecision: "unknown", dateBasis: null, dateNote: "", codingStatus: "coded", source: "S", publisher: null, url: null,
        passages: [{ themeSlug: "reform", start: 3, end: 9, quote: "Reform", annotator: "ana", note: null }] }],
    });
    const sel = read("e.qdpx", bytes).sources[0].selections[0];
    expect([sel.start, sel.end]).toEqual([2, 8]); // UTF-16 3..9 is code points 2..8
  });
});

describe("round trip", () => {
  it("export, import into an empty database, export again: the same bytes", async () => {
    const first = buildQdpx(await getQdpxProject(prisma));
    await withEmptyDb(async (empty) => {
      const out = await importQdaProject(empty, "seed.qdpx", read("seed.qdpx", first), { newThemes: true });
      expect(out.errors).toEqual([]);
      expect(out.counts).toMatchObject({ themesCreated: 4, articlesCreated: 5, passagesLeftOut: 0 });
      const second = buildQdpx(await getQdpxProject(empty));
      expect(strFromU8(unzipSync(second)["project.qde"])).toBe(strFromU8(unzipSync(first)["project.qde"]));
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      // and the numbers are the same numbers
      const stats = async (p: PrismaClient) => (await p.articleTheme.findMany({ where: { coder: "consensus" }, include: { article: true, theme: true } })).map((r) => `${r.article.slug}|${r.theme.slug}|${r.taggedWords}|${r.passages}`).sort();
      expect(await stats(empty)).toEqual(await stats(prisma));
    });
  });

  it("a coded article whose passages cannot all come over is stored in progress, not coded", async () => {
    const bytes = buildQdpx(await getQdpxProject(prisma));
    await withEmptyDb(async (empty) => {
      const out = await importQdaProject(empty, "seed.qdpx", read("seed.qdpx", bytes)); // no themes, no --new-themes
      expect(out.counts).toMatchObject({ articlesCreated: 5, passagesStored: 0, passagesLeftOut: 187 });
      expect((await empty.article.findMany()).map((a) => a.codingStatus)).toEqual(Array(5).fill("in-progress"));
      expect(out.report).toContain('code "Reform": 102 passage(s) left out, the code matches no theme');
    });
  });

  it("importing the project back into its own database stores nothing new", async () => {
    const bytes = buildQdpx(await getQdpxProject(prisma));
    const before = snapshot(seeded.file);
    const out = await importQdaProject(prisma, "self.qdpx", read("self.qdpx", bytes));
    expect(out.counts).toMatchObject({ articlesCreated: 0, articlesMatched: 5, passagesStored: 0 });
    expect(snapshot(seeded.file)).toBe(before);
  });
});

// A project as another tool writes it: variables on Cases, CRLF and lone-CR line ends, a
// character outside the BMP before a selection, a code nested in a folder, a code with no
// theme, names that differ from ours in case. Positions are code points of the file's text.
const A = "SASAC: reform of state firms\r\n\r\nPosted 😀 on 3 March 2021. The commission said it will deepen reform.\r\nFirms must build secure supply chains 𠀀 and innovate.\r\n";
const B = "Line one\rLine two has Party building work.\r";
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
function foreignProject(extra: { aStart?: number; aEnd?: number; aName?: string } = {}): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field study" origin="Another QDA tool 3.1">
  <Users><User guid="${G(1)}" name="Mei"/><User guid="${G(2)}" id="coder-2"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="REFORM" isCodable="true" color="#009e73"/>
    <Code guid="${G(11)}" name="Themes" isCodable="false">
      <Code guid="${G(12)}" name="supply-chain security" isCodable="true"/>
      <Code guid="${G(13)}" name="innovation" isCodable="true"/>
      <Code guid="${G(14)}" name="Party Building" isCodable="true"/>
    </Code>
    <Code guid="${G(15)}" name="Tone: optimistic" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="Date" typeOfVariable="Date"/><Variable guid="${G(21)}" name="Source" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="${G(30)}" name="Case 1"><VariableValue><VariableRef targetGUID="${G(20)}"/><DateValue>2021-03-03</DateValue></VariableValue>
    <VariableValue><VariableRef targetGUID="${G(21)}"/><TextValue>SASAC</TextValue></VariableValue><SourceRef targetGUID="${G(40)}"/></Case></Cases>
  <Sources>
    <TextSource guid="${G(40)}" name="sasac-reform.txt" plainTextPath="internal://${G(40)}.txt">
      <PlainTextSelection guid="${G(50)}" name="${extra.aName ?? "deepen reform"}" startPosition="${extra.aStart ?? 86}" endPosition="${extra.aEnd ?? 99}" creatingUser="${G(1)}">
        <Description>Reform, stated as a plan</Description>
        <Coding guid="${G(60)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(10)}"/></Coding>
        <Coding guid="${G(61)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(15)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(51)}" startPosition="119" endPosition="139" creatingUser="${G(2)}">
        <Coding guid="${G(62)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(12)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(52)}" name="innovate" startPosition="146" endPosition="154">
        <Coding guid="${G(63)}"><CodeRef targetGUID="${G(13)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${G(41)}" name="party.txt" plainTextPath="internal://${G(41)}.txt">
      <PlainTextSelection guid="${G(53)}" name="Party building" startPosition="22" endPosition="36" creatingUser="${G(1)}">
        <Coding guid="${G(64)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(14)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
  return zipSync({ "project.qde": strToU8(qde), [`Sources/${G(40)}.txt`]: strToU8(A), [`Sources/${G(41)}.txt`]: strToU8(B) });
}

describe("a project made by another tool", () => {
  const run = (bytes: Uint8Array, opts: QdaImportOptions = {}) =>
    withEmptyDbSeeded(async (p) => ({ out: await importQdaProject(p, "field.qdpx", read("field.qdpx", bytes), opts) }));

  it("imports with every coded quote exact, CRLF and astral characters notwithstanding", async () => {
    await withEmptyDbSeeded(async (p) => {
      const out = await importQdaProject(p, "field.qdpx", read("field.qdpx", foreignProject()));
      expect(out.errors).toEqual([]);
      expect(out.counts).toMatchObject({ articlesCreated: 2, passages: 5, passagesStored: 4, passagesLeftOut: 1 });
      expect(out.report).toContain('code "Tone: optimistic": 1 passage(s) left out, the code matches no theme');
      const a = await p.article.findUniqueOrThrow({ where: { slug: "sasac-reform" }, include: { annotations: { include: { theme: true }, orderBy: { start: "asc" } }, source: true } });
      expect(a.body).toBe(A.replace(/\r\n/g, "\n"));
      expect(a.annotations.map((x) => [x.theme.slug, x.start, x.end, x.quote, x.annotator, x.note])).toEqual([
        // 86 code points less two CRs, plus one for the emoji's second UTF-16 unit
        ["reform", 85, 98, "deepen reform", "Mei", "Reform, stated as a plan"],
        // on the third line: three CRs less, one more for the emoji
        ["supply-chain-security", 117, 137, "secure supply chains", "coder-2", null],
        // three CRs less, one more each for the emoji and U+20000
        ["innovation", 145, 153, "innovate", "unnamed coder (REFI-QDA import)", null],
      ]);
      for (const x of a.annotations) expect(a.body.slice(x.start, x.end)).toBe(x.quote);
      expect([a.dateStart, a.datePrecision, a.dateBasis, a.source.slug, a.codingStatus]).toEqual(["2021-03-03", "day", "inferred", "sasac", "in-progress"]);
      const b = await p.article.findUniqueOrThrow({ where: { slug: "party" }, include: { annotations: true } });
      expect(b.body).toBe("Line one\nLine two has Party building work.\n");
      expect(b.annotations.map((x) => [x.start, x.end, x.quote])).toEqual([[22, 36, "Party building"]]);
      expect(b.datePrecision).toBe("unknown");
    });
  });

  it("a mapping file sends a code to a theme, or leaves it out on purpose", async () => {
    const { out } = await run(foreignProject(), { codes: { "Tone: optimistic": "innovation" } });
    expect(out.counts).toMatchObject({ passagesStored: 5, passagesLeftOut: 0 });
    const { out: out2 } = await run(foreignProject(), { codes: { "Tone: optimistic": null } });
    expect(out2.counts).toMatchObject({ passagesStored: 4, passagesLeftOut: 1 });
    expect(out2.report).toContain('code "Tone: optimistic": left out by the mapping file');
  });

  it("a dry run reports and writes nothing", async () => {
    await withEmptyDbSeeded(async (p, db) => {
      const before = snapshot(db.file);
      const out = await importQdaProject(p, "field.qdpx", read("field.qdpx", foreignProject()), { dryRun: true });
      expect(out.status).toBe("checked");
      expect(out.report.some((r) => r.startsWith('TextSource "sasac-reform.txt" -> new article sasac-reform'))).toBe(true);
      expect(snapshot(db.file)).toBe(before);
    });
  });

  it.each([
    [{ aEnd: 500 }, "endPosition is past the end of the text (157 code points)"],
    [{ aStart: 99, aEnd: 86 }, "startPosition must be before endPosition"],
    // positions counted in UTF-16 units by mistake select other text than the selection's name
    [{ aStart: 87, aEnd: 100 }, 'the positions select "eepen reform.", but the selection is named "deepen reform"'],
  ])("refuses a selection that does not fit the text (%o) and changes nothing", async (extra, message) => {
    await withEmptyDbSeeded(async (p, db) => {
      const before = snapshot(db.file);
      const out = await importQdaProject(p, "field.qdpx", read("field.qdpx", foreignProject(extra)));
      expect(out.status).toBe("failed");
      expect(out.errors.join("\n")).toContain(message);
      expect(out.errors.join("\n")).toContain('field.qdpx: TextSource "sasac-reform.txt": PlainTextSelection');
      expect(snapshot(db.file)).toBe(before);
    });
  });

  it("refuses a mapping to a theme that does not exist", async () => {
    const { out } = await run(foreignProject(), { codes: { "Tone: optimistic": "tone" } });
    expect(out.status).toBe("failed");
    expect(out.errors[0]).toContain('maps code "Tone: optimistic" to "tone", which is not a theme');
  });
});

describe("files that are not REFI-QDA", () => {
  const errorsOf = (file: string, bytes: Uint8Array) => {
    const r = readQdaFile(file, bytes);
    return r.ok ? [] : r.errors;
  };
  const zipQde = (qde: string, extra: Record<string, Uint8Array> = {}) => zipSync({ "project.qde": strToU8(qde), ...extra });
  it.each([
    ["not a ZIP", strToU8("hello"), "x.qdpx: not a .qdpx (ZIP) file"],
    ["no project.qde", zipSync({ "readme.txt": strToU8("hi") }), "x.qdpx: the ZIP has no project.qde at its top level"],
    ["broken XML", zipQde("<Project xmlns='urn:QDA-XML:project:1.0'><Sources>"), "x.qdpx: project.qde: not well-formed XML"],
    ["another namespace", zipQde('<Project xmlns="urn:other" name="p"/>'), "is not in the namespace urn:QDA-XML:project:1.0 (it declares urn:other)"],
    ["a missing source file", zipQde(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="${G(1)}" name="a" plainTextPath="internal://${G(1)}.txt"/></Sources></Project>`), `plainTextPath "internal://${G(1)}.txt": the ZIP has no sources/${G(1)}.txt`],
    ["a coding of an undefined code", zipQde(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="${G(1)}" name="a"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid="${G(2)}" startPosition="0" endPosition="1"><Coding guid="${G(3)}"><CodeRef targetGUID="${G(9)}"/></Coding></PlainTextSelection></TextSource></Sources></Project>`), `its Coding refers to code ${G(9)}, which the CodeBook does not define`],
    ["a source that is not UTF-8", zipQde(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="${G(1)}" name="a" plainTextPath="internal://a.txt"/></Sources></Project>`, { "sources/a.txt": new Uint8Array([0x61, 0xff, 0x62]) }), "sources/a.txt: not valid UTF-8: byte 0xFF at byte offset 1"],
    ["a picture source", zipQde(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><PictureSource guid="${G(1)}" name="photo"/></Sources></Project>`), 'PictureSource "photo"'],
  ])("%s is refused with the file and element named", (_what, bytes, message) => {
    expect(errorsOf("x.qdpx", bytes).join("\n")).toContain(message);
  });

  it("reads a codebook (.qdc) and maps its codes", async () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G(1)}" name="Reform" isCodable="true"/><Code guid="${G(2)}" name="Green transition" isCodable="true" color="#abc"><Description>Energy and climate.</Description></Code></Codes></CodeBook>`;
    const project = read("book.qdc", strToU8(qdc));
    expect(project.codes.map((c) => c.name)).toEqual(["Reform", "Green transition"]);
    await withEmptyDbSeeded(async (p) => {
      const out = await importQdaProject(p, "book.qdc", project, { newThemes: true });
      expect(out.report).toEqual(['code "Reform" -> theme reform (same name)', 'code "Green transition" -> new theme green-transition']);
      const t = await p.theme.findUniqueOrThrow({ where: { slug: "green-transition" } });
      expect([t.colour, t.definition, t.order]).toEqual(["#AABBCC", "Energy and climate.", 5]);
      expect(await p.articleTheme.count({ where: { themeId: t.id } })).toBe(await p.article.count()); // zero rows for every article
    });
    expect(readQdaFile("x.qdc", strToU8('<CodeBook xmlns="urn:QDA-XML:project:1.0"/>'))).toMatchObject({ ok: false });
  });
});

/** A fresh copy of the seeded database, so each case starts from the same themes. */
async function withEmptyDbSeeded<T>(fn: (p: PrismaClient, db: TempDb) => Promise<T>): Promise<T> {
  const db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  const p = createPrismaClient(db.url);
  try {
    return await fn(p, db);
  } finally {
    await p.$disconnect();
    db.cleanup();
    process.env.DATABASE_URL = seeded.url;
  }
}

describe("GET /api/export/project.qdpx", () => {
  it("downloads the same bytes as the export script, and refuses parameters", async () => {
    const route = await import("@/app/api/export/project.qdpx/route");
    const res = await route.GET(new Request("http://test/api/export/project.qdpx"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="policy-theme-tracker.qdpx"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(buildQdpx(await getQdpxProject(prisma))))).toBe(true);
    const bad = await route.GET(new Request("http://test/api/export/project.qdpx?theme=reform"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("theme: the project export takes no parameters");
  });
});

// The REFI-QDA schema (Project-mrt2019.xsd, published by REFI) is not shipped with the tracker:
// point QDA_PROJECT_XSD at a copy to validate the export with xmllint (libxml2-utils).
const XSD = process.env.QDA_PROJECT_XSD;
describe.runIf(Boolean(XSD))("the export against the REFI-QDA project schema", () => {
  it("validates", async () => {
    const { execFileSync } = await import("node:child_process");
    const fs = await import("node:fs");
    const os = await import("node:os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-xsd-"));
    const qde = path.join(dir, "project.qde");
    fs.writeFileSync(qde, unzipSync(buildQdpx(await getQdpxProject(prisma)))["project.qde"]);
    const out = execFileSync("xmllint", ["--noout", "--schema", XSD!, qde], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toBe("");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
