// Reads what another QDA tool (or this one) wrote in the REFI-QDA exchange formats: a project
// (.qdpx: a ZIP of one .qde XML file and its sources/ folder; or a bare .qde) or a codebook
// (.qdc). The XML is parsed by fast-xml-parser; this file only walks the parsed tree and says
// what is wrong with it, naming the element (and its guid or name) so the file can be fixed.
// It never writes: lib/writes/qdpx-import.ts decides what becomes themes, articles and passages.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { decodeText } from "../read-text";
import { MAX_FILE_BYTES } from "../limits";
import { GUID_PATTERN } from "./guid";
import { QDA_CODEBOOK_NS, QDA_PROJECT_NS } from "./export";

/** Largest .qdpx accepted, and the most entries and unpacked bytes its ZIP may hold. */
export const MAX_QDPX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export type QdaCode = { guid: string; name: string; color: string | null; description: string | null; path: string };
export type QdaCoding = { codeGuid: string; creatingUser: string | null };
export type QdaSelection = {
  guid: string;
  name: string | null;
  description: string | null;
  start: number;
  end: number;
  creatingUser: string | null;
  codings: QdaCoding[];
};
export type QdaSource = {
  guid: string;
  name: string;
  /** the text as the file holds it, line endings and all */
  text: string;
  /** variable name (lower case) -> value */
  variables: Map<string, string>;
  selections: QdaSelection[];
};
export type QdaProject = {
  kind: "project" | "codebook";
  codes: QdaCode[];
  users: Map<string, { name?: string; id?: string }>;
  sources: QdaSource[];
};
export type QdaRead = { ok: true; project: QdaProject } | { ok: false; errors: string[] };

type Node = Record<string, unknown>;
const ARRAYS = new Set([
  "Code", "User", "Variable", "Case", "SourceRef", "VariableValue", "TextSource", "PictureSource", "PDFSource",
  "AudioSource", "VideoSource", "PlainTextSelection", "Coding", "NoteRef",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAYS.has(name),
  processEntities: true,
});

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === "object" ? [v as Node] : []);
const attr = (n: Node, name: string): string | null => (typeof n[`@_${name}`] === "string" ? (n[`@_${name}`] as string) : null);
function text(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && typeof (v as Node)["#text"] === "string") return (v as Node)["#text"] as string;
  return v && typeof v === "object" ? "" : null;
}
const label = (el: string, n: Node) => {
  const name = attr(n, "name");
  return `${el}${name ? ` "${name}"` : ""}${attr(n, "guid") ? ` (guid ${attr(n, "guid")})` : ""}`;
};

/** The namespaces the root element declares (the parser drops xmlns attributes with their prefixes). */
function rootNamespaces(xml: string): string[] {
  const tag = /<(?![?!])[^\s>/]+([^>]*)>/.exec(xml);
  return tag ? [...tag[1].matchAll(/xmlns(?::[\w.-]+)?\s*=\s*("([^"]*)"|'([^']*)')/g)].map((m) => m[2] ?? m[3]) : [];
}

function parseXml(xml: string, where: string): { root: Node; el: string; ns: string[] } | string {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return `${where}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return `${where}: the XML cannot be read: ${(e as Error).message}`;
  }
  const el = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("#"));
  if (!el || typeof doc[el] !== "object") return `${where}: no root element`;
  return { root: doc[el] as Node, el, ns: rootNamespaces(xml) };
}

function readCodes(parent: Node, errors: string[], where: string, out: QdaCode[], prefix = ""): void {
  for (const c of list(parent.Code)) {
    const guid = attr(c, "guid");
    const name = attr(c, "name");
    if (!guid || !GUID_PATTERN.test(guid)) errors.push(`${where}: ${label("Code", c)}: the guid attribute is missing or not a GUID`);
    if (!name?.trim()) errors.push(`${where}: ${label("Code", c)}: the name attribute is missing`);
    const path = prefix ? `${prefix} > ${name ?? ""}` : (name ?? "");
    // A code whose isCodable is "false" is a folder of codes: it takes no passages itself.
    if (guid && name?.trim() && attr(c, "isCodable") !== "false") {
      out.push({ guid, name: name.trim(), color: attr(c, "color"), description: text(c.Description)?.trim() || null, path });
    }
    readCodes(c, errors, where, out, path);
  }
}

function variableValue(v: Node): string | null {
  for (const k of ["TextValue", "DateValue", "DateTimeValue", "IntegerValue", "FloatValue", "BooleanValue"]) {
    const t = text(v[k]);
    if (t !== null) return t;
  }
  return null;
}

function readVariables(node: Node, names: Map<string, string>, into: Map<string, string>): void {
  for (const v of list(node.VariableValue)) {
    const ref = list(v.VariableRef)[0];
    const name = ref && names.get(attr(ref, "targetGUID") ?? "");
    const value = variableValue(v);
    if (name && value !== null) into.set(name, value);
  }
}

function position(n: Node, name: string): number | null {
  const v = attr(n, name);
  return v !== null && /^\d+$/.test(v.trim()) ? Number(v.trim()) : null;
}

/** What a .qde document holds; `sourceText` reads a plainTextPath ("internal://x.txt") from the ZIP. */
function readProjectXml(xml: string, where: string, sourceText: (path: string) => string | { error: string }): QdaRead {
  const parsed = parseXml(xml, where);
  if (typeof parsed === "string") return { ok: false, errors: [parsed] };
  const { root, el, ns } = parsed;
  const errors: string[] = [];
  if (el !== "Project") return { ok: false, errors: [`${where}: the root element is <${el}>, not a REFI-QDA <Project>`] };
  if (!ns.includes(QDA_PROJECT_NS)) {
    return { ok: false, errors: [`${where}: <Project> is not in the namespace ${QDA_PROJECT_NS} (it declares ${ns.join(", ") || "none"})`] };
  }
  const codes: QdaCode[] = [];
  for (const cb of list(root.CodeBook)) for (const cs of list(cb.Codes)) readCodes(cs, errors, where, codes);
  const users = new Map<string, { name?: string; id?: string }>();
  for (const us of list(root.Users)) {
    for (const u of list(us.User)) {
      const g = attr(u, "guid");
      if (g) users.set(g, { name: attr(u, "name") ?? undefined, id: attr(u, "id") ?? undefined });
    }
  }
  const varNames = new Map<string, string>();
  for (const vs of list(root.Variables)) {
    for (const v of list(vs.Variable)) {
      const g = attr(v, "guid");
      const n = attr(v, "name");
      if (g && n) varNames.set(g, n.trim().toLowerCase());
    }
  }
  // Variables given on a Case apply to the sources the case names; a source's own win.
  const caseVars = new Map<string, Map<string, string>>();
  for (const cs of list(root.Cases)) {
    for (const c of list(cs.Case)) {
      const vals = new Map<string, string>();
      readVariables(c, varNames, vals);
      for (const ref of list(c.SourceRef)) {
        const g = attr(ref, "targetGUID");
        if (g) caseVars.set(g, new Map([...(caseVars.get(g) ?? []), ...vals]));
      }
    }
  }
  const sources: QdaSource[] = [];
  const codeGuids = new Set(codes.map((c) => c.guid));
  for (const ss of list(root.Sources)) {
    for (const kind of ["PictureSource", "PDFSource", "AudioSource", "VideoSource"]) {
      for (const s of list(ss[kind])) errors.push(`${where}: ${label(kind, s)}: only text sources can be imported; remove it or export the project without it`);
    }
    for (const s of list(ss.TextSource)) {
      const where2 = `${where}: ${label("TextSource", s)}`;
      const guid = attr(s, "guid");
      if (!guid || !GUID_PATTERN.test(guid)) {
        errors.push(`${where2}: the guid attribute is missing or not a GUID`);
        continue;
      }
      const content = text(s.PlainTextContent);
      const path = attr(s, "plainTextPath");
      let body: string;
      if (content !== null) body = content;
      else if (path) {
        const t = sourceText(path);
        if (typeof t !== "string") {
          errors.push(`${where2}: ${t.error}`);
          continue;
        }
        body = t;
      } else {
        errors.push(`${where2}: neither PlainTextContent nor plainTextPath gives its text`);
        continue;
      }
      const variables = new Map(caseVars.get(guid) ?? []);
      readVariables(s, varNames, variables);
      const selections: QdaSelection[] = [];
      for (const p of list(s.PlainTextSelection)) {
        const start = position(p, "startPosition");
        const end = position(p, "endPosition");
        const sg = attr(p, "guid") ?? "";
        if (start === null || end === null) {
          errors.push(`${where2}: ${label("PlainTextSelection", p)}: startPosition and endPosition must be whole numbers from 0`);
          continue;
        }
        const codings: QdaCoding[] = [];
        for (const c of list(p.Coding)) {
          const ref = list(c.CodeRef)[0];
          const target = ref ? attr(ref, "targetGUID") : null;
          if (!target) errors.push(`${where2}: ${label("PlainTextSelection", p)}: a Coding has no CodeRef targetGUID`);
          else if (!codeGuids.has(target)) errors.push(`${where2}: ${label("PlainTextSelection", p)}: its Coding refers to code ${target}, which the CodeBook does not define`);
          else codings.push({ codeGuid: target, creatingUser: attr(c, "creatingUser") });
        }
        selections.push({
          guid: sg,
          name: attr(p, "name"),
          description: text(p.Description) || null,
          start,
          end,
          creatingUser: attr(p, "creatingUser"),
          codings,
        });
      }
      sources.push({ guid, name: attr(s, "name")?.trim() || guid, text: body, variables, selections });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, project: { kind: "project", codes, users, sources } };
}

function readCodebookXml(xml: string, where: string): QdaRead {
  const parsed = parseXml(xml, where);
  if (typeof parsed === "string") return { ok: false, errors: [parsed] };
  const { root, el, ns } = parsed;
  if (el !== "CodeBook") return { ok: false, errors: [`${where}: the root element is <${el}>, not a REFI-QDA <CodeBook>`] };
  if (!ns.includes(QDA_CODEBOOK_NS)) {
    return { ok: false, errors: [`${where}: <CodeBook> is not in the namespace ${QDA_CODEBOOK_NS} (it declares ${ns.join(", ") || "none"})`] };
  }
  const errors: string[] = [];
  const codes: QdaCode[] = [];
  for (const cs of list(root.Codes)) readCodes(cs, errors, where, codes);
  return errors.length ? { ok: false, errors } : { ok: true, project: { kind: "codebook", codes, users: new Map(), sources: [] } };
}

function utf8(bytes: Uint8Array, what: string): string | { error: string } {
  const r = decodeText(bytes);
  return r.ok ? r.text : { error: `${what}: ${r.reason}` };
}

/** A .qdpx, .qde or .qdc file's content, or every reason it cannot be imported. */
export function readQdaFile(file: string, bytes: Uint8Array): QdaRead {
  const lower = file.toLowerCase();
  if (lower.endsWith(".qdc") || lower.endsWith(".qde")) {
    const xml = utf8(bytes, file);
    if (typeof xml !== "string") return { ok: false, errors: [xml.error] };
    return lower.endsWith(".qdc") ? readCodebookXml(xml, file) : readProjectXml(xml, file, () => ({ error: "a bare .qde file cannot refer to source files; import the .qdpx" }));
  }
  if (bytes.length > MAX_QDPX_BYTES) return { ok: false, errors: [`${file}: the file is ${bytes.length.toLocaleString("en")} bytes, over the limit of ${MAX_QDPX_BYTES.toLocaleString("en")} bytes`] };
  let entries: Record<string, Uint8Array>;
  let count = 0;
  let unpacked = 0;
  let tooLarge: string | null = null;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        count++;
        unpacked += f.originalSize;
        if (f.originalSize > MAX_FILE_BYTES) tooLarge ??= `${f.name} is ${f.originalSize.toLocaleString("en")} bytes unpacked, over the limit of ${MAX_FILE_BYTES.toLocaleString("en")}`;
        return count <= MAX_ENTRIES && unpacked <= MAX_UNPACKED_BYTES && f.originalSize <= MAX_FILE_BYTES && !f.name.endsWith("/");
      },
    });
  } catch (e) {
    return { ok: false, errors: [`${file}: not a .qdpx (ZIP) file: ${(e as Error).message}`] };
  }
  if (count > MAX_ENTRIES) return { ok: false, errors: [`${file}: the ZIP holds more than ${MAX_ENTRIES.toLocaleString("en")} entries`] };
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, errors: [`${file}: the ZIP unpacks to more than ${MAX_UNPACKED_BYTES.toLocaleString("en")} bytes`] };
  if (tooLarge) return { ok: false, errors: [`${file}: ${tooLarge}`] };
  const qde = Object.keys(entries).filter((n) => !n.includes("/") && n.toLowerCase().endsWith(".qde")).sort();
  if (qde.length === 0) return { ok: false, errors: [`${file}: the ZIP has no project.qde at its top level`] };
  const main = qde.includes("project.qde") ? "project.qde" : qde[0];
  const xml = utf8(entries[main], `${file}: ${main}`);
  if (typeof xml !== "string") return { ok: false, errors: [xml.error] };
  return readProjectXml(xml, `${file}: ${main}`, (p) => {
    const m = /^internal:\/\/(.+)$/.exec(p);
    if (!m) return { error: `plainTextPath "${p}" is not inside the .qdpx (only internal:// sources can be imported)` };
    const name = Object.keys(entries).find((n) => /^sources\//i.test(n) && n.slice(n.indexOf("/") + 1) === m[1]);
    if (!name) return { error: `plainTextPath "${p}": the ZIP has no sources/${m[1]}` };
    return utf8(entries[name], `sources/${m[1]}`);
  });
}
