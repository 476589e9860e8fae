// Reads a seed directory and turns it into a plan of rows, validating everything before a
// single row is written. Every problem is reported as "file: entry: reason", all at once,
// so a reviewer can fix a broken seed in one pass.
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { periodOf } from "../measure/dates";
import { articleThemeStats, countWords, type ThemeStat } from "../measure/words";
import { parseArticle } from "./parse-article";
import { resolveEntries, type ResolvedAnnotation } from "../coding/annotation-file";
import {
  articlesFile,
  codebookFile,
  organizationsFile,
  type CodebookFile,
  type OrganizationsFile,
} from "./seed-files";
import { annotationsFile, nthIndexOf } from "../coding/annotation-file";
import { decisionsFile } from "./seed-files";
import { CODER_NAME, CODER_NAME_HINT, CODING_STATUSES, CONSENSUS, type CodingStatus } from "../coding/status";
import type { DateBasis } from "../measure/dates";
import { sha256, slugForFile } from "./identity";
import { MAX_BODY_CHARS, MAX_BODY_WORDS } from "./limits";
import { readTextFile } from "./read-text";

export type PlannedAnnotation = ResolvedAnnotation;

export type PlannedArticle = {
  slug: string;
  title: string;
  titleNote: string | null;
  body: string;
  wordCount: number;
  contentHash: string;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: string;
  dateNote: string;
  dateBasis: DateBasis | null;
  codingStatus: CodingStatus;
  source: string;
  publisher: string | null;
  url: string | null;
  attribution: string | null;
  mentions: string[];
  /** the consensus coding: what the charts show */
  annotations: PlannedAnnotation[];
  stats: Map<string, ThemeStat>;
  /** every coder's own coding of the article, by coder name */
  codings: Map<string, { status: CodingStatus; annotations: PlannedAnnotation[] }>;
  /** the recorded adjudication decisions that built the consensus (consensus/decisions.json) */
  adjudications: PlannedAdjudication[];
};

export type PlannedAdjudication = {
  theme: string;
  decision: string;
  coderA: string;
  coderB: string;
  from: { coder: string; start: number; end: number; quote: string }[];
  result: { start: number; end: number; quote: string }[];
  adjudicator: string;
  reason: string | null;
  at: string;
};

export type SeedPlan = {
  codebook: { version: string; themes: (CodebookFile["themes"][number] & { order: number })[] };
  organizations: OrganizationsFile["organizations"];
  articles: PlannedArticle[];
};

export type SeedResult = { ok: true; plan: SeedPlan } | { ok: false; errors: string[] };

function entryPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

export function loadSeed(dir: string): SeedResult {
  const errors: string[] = [];
  const rel = (p: string) => path.relative(process.cwd(), p) || p;

  function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> | null {
    const read = readTextFile(file);
    if (!read.ok) {
      errors.push(`${rel(file)}: (file): ${read.reason === "no such file" ? "file is missing" : read.reason}`);
      return null;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(read.text);
    } catch (e) {
      errors.push(`${rel(file)}: (file): not valid JSON: ${(e as Error).message}`);
      return null;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push(`${rel(file)}: ${entryPath(issue.path) || "(top level)"}: ${issue.message}`);
      }
      return null;
    }
    return parsed.data;
  }

  const orgFile = path.join(dir, "organizations.json");
  const codebookPath = path.join(dir, "codebook.json");
  const articlesPath = path.join(dir, "articles.json");
  const orgs = readJson(orgFile, organizationsFile);
  const codebook = readJson(codebookPath, codebookFile);
  const meta = readJson(articlesPath, articlesFile);

  const orgSlugs = new Set<string>();
  orgs?.organizations.forEach((o, i) => {
    if (orgSlugs.has(o.slug)) errors.push(`${rel(orgFile)}: organizations[${i}]: duplicate slug "${o.slug}"`);
    orgSlugs.add(o.slug);
  });
  const themeSlugs = new Set<string>();
  codebook?.themes.forEach((t, i) => {
    if (themeSlugs.has(t.slug)) errors.push(`${rel(codebookPath)}: themes[${i}]: duplicate slug "${t.slug}"`);
    themeSlugs.add(t.slug);
  });

  const articlesDir = path.join(dir, "articles");
  const textFiles = fs.existsSync(articlesDir) ? fs.readdirSync(articlesDir).filter((f) => f.endsWith(".txt")).sort() : [];
  const articles: PlannedArticle[] = [];
  const bySlug = new Map<string, PlannedArticle>();
  const byHash = new Map<string, string>();

  meta?.articles.forEach((a, i) => {
    const at = `${rel(articlesPath)}: articles[${i}] (${a.file})`;
    const slug = slugForFile(a.file);
    if (bySlug.has(slug)) {
      errors.push(`${at}: duplicate article slug "${slug}"`);
      return;
    }
    const textPath = path.join(articlesDir, a.file);
    if (!fs.existsSync(textPath)) {
      errors.push(`${at}: text file ${rel(textPath)} does not exist`);
      return;
    }
    const text = readTextFile(textPath);
    if (!text.ok) {
      errors.push(`${at}: text file ${rel(textPath)}: ${text.reason}`);
      return;
    }
    const parsed = parseArticle(text.text);
    if (!parsed.body) errors.push(`${at}: the text has no body after boilerplate is removed`);
    if (parsed.body.length > MAX_BODY_CHARS) {
      errors.push(`${at}: the cleaned text is ${parsed.body.length.toLocaleString("en")} characters long, over the limit of ${MAX_BODY_CHARS.toLocaleString("en")}`);
      return;
    }
    const title = a.title ?? parsed.title;
    if (!title) errors.push(`${at}: the text has no title line, so "title" is required`);
    const period = periodOf(a.date, a.datePrecision);
    if (typeof period === "string") errors.push(`${at}: date: ${period}`);
    if (a.datePrecision !== "unknown" && !a.dateBasis) errors.push(`${at}: dateBasis: say whether the date is "stated" by the text or "inferred"`);
    if (a.datePrecision === "unknown" && a.dateBasis) errors.push(`${at}: dateBasis: an unknown date has no basis`);
    for (const [field, org] of [["source", a.source], ["publisher", a.publisher]] as const) {
      if (org !== null && orgs && !orgSlugs.has(org)) errors.push(`${at}: ${field}: unknown organization "${org}"`);
    }
    a.mentions.forEach((m, j) => {
      if (orgs && !orgSlugs.has(m)) errors.push(`${at}: mentions[${j}]: unknown organization "${m}"`);
    });
    const wordCount = countWords(parsed.body);
    if (wordCount > MAX_BODY_WORDS) errors.push(`${at}: the cleaned text has ${wordCount.toLocaleString("en")} words, over the limit of ${MAX_BODY_WORDS.toLocaleString("en")}`);
    const contentHash = sha256(parsed.body);
    const twin = byHash.get(contentHash);
    if (twin) errors.push(`${at}: same cleaned text as article "${twin}" (a duplicate or a repost)`);
    byHash.set(contentHash, slug);

    const planned: PlannedArticle = {
      slug,
      title: title ?? "",
      titleNote: a.titleNote ?? null,
      body: parsed.body,
      wordCount,
      contentHash,
      dateStart: period && typeof period !== "string" ? period.start : null,
      dateEnd: period && typeof period !== "string" ? period.end : null,
      datePrecision: a.datePrecision,
      dateNote: a.dateNote,
      dateBasis: a.datePrecision === "unknown" ? null : (a.dateBasis ?? null),
      codingStatus: "uncoded",
      source: a.source,
      publisher: a.publisher,
      url: a.url,
      attribution: parsed.attribution,
      mentions: [...new Set(a.mentions)],
      annotations: [],
      stats: new Map(),
      codings: new Map(),
      adjudications: [],
    };
    bySlug.set(slug, planned);
    articles.push(planned);
  });
  if (meta) {
    const described = new Set(meta.articles.map((a) => a.file));
    for (const f of textFiles) {
      if (!described.has(f)) errors.push(`${rel(path.join(articlesDir, f))}: (file): no entry for it in ${rel(articlesPath)}`);
    }
  }

  // Codings: codings/<coder>/<slug>.json (one folder per coder), and annotations/<slug>.json whose
  // coder is the file's "coder" (or its one annotator). The consensus, what the charts show, is
  // consensus/<slug>.json, or the only coder's coding when one coder coded the article.
  const consensusFiles = new Set<string>();
  const readCoding = (file: string, folderCoder: string | null) => {
    const f = path.basename(file);
    const data = readJson(file, annotationsFile);
    if (!data) return;
    if (`${data.article}.json` !== f) {
      errors.push(`${rel(file)}: article: "${data.article}" does not match the file name (expected "${f.replace(/\.json$/, "")}")`);
      return;
    }
    const article = bySlug.get(data.article);
    if (!article) {
      if (meta) errors.push(`${rel(file)}: article: unknown article "${data.article}"`);
      return;
    }
    const annotators = [...new Set(data.annotations.map((a) => a.annotator))];
    const coder = folderCoder ?? data.coder ?? (annotators.length === 1 ? annotators[0] : null);
    if (!coder) return void errors.push(`${rel(file)}: coder: say whose coding this is ("coder")`);
    if (data.coder && data.coder !== coder) return void errors.push(`${rel(file)}: coder: "${data.coder}" does not match its folder "${coder}"`);
    if (coder !== CONSENSUS && !CODER_NAME.test(coder)) return void errors.push(`${rel(file)}: coder: "${coder}" is not a coder name (${CODER_NAME_HINT})`);
    const resolved = resolveEntries(data.annotations, article.body, codebook ? themeSlugs : null);
    for (const e of resolved.errors) errors.push(`${rel(file)}: ${e}`);
    if (!data.status) return void errors.push(`${rel(file)}: status: say where the coding stands (${CODING_STATUSES.join(", ")})`);
    if (coder === CONSENSUS) {
      consensusFiles.add(article.slug);
      article.annotations = resolved.annotations;
      article.codingStatus = data.status;
      return;
    }
    if (article.codings.has(coder)) return void errors.push(`${rel(file)}: coder: "${coder}" already has a coding of "${article.slug}"`);
    article.codings.set(coder, { status: data.status, annotations: resolved.annotations });
  };
  const jsonIn = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith(".json") && f !== "decisions.json").sort() : []);
  for (const f of jsonIn(path.join(dir, "annotations"))) readCoding(path.join(dir, "annotations", f), null);
  const codingsDir = path.join(dir, "codings");
  const coderDirs = fs.existsSync(codingsDir) ? fs.readdirSync(codingsDir).filter((d) => fs.statSync(path.join(codingsDir, d)).isDirectory()).sort() : [];
  for (const c of coderDirs) for (const f of jsonIn(path.join(codingsDir, c))) readCoding(path.join(codingsDir, c, f), c);
  for (const f of jsonIn(path.join(dir, "consensus"))) readCoding(path.join(dir, "consensus", f), CONSENSUS);
  // The decision log: each decision names its article, theme, the two coders' passages and the result.
  const decisionsPath = path.join(dir, "consensus", "decisions.json");
  if (fs.existsSync(decisionsPath)) {
    const log = readJson(decisionsPath, decisionsFile);
    log?.decisions.forEach((d, i) => {
      const at = `${rel(decisionsPath)}: decisions[${i}]`;
      const article = bySlug.get(d.article);
      if (!article) return void errors.push(`${at}: article: unknown article "${d.article}"`);
      if (codebook && !themeSlugs.has(d.theme)) return void errors.push(`${at}: theme: unknown theme "${d.theme}"`);
      const spans = (side: "a" | "b" | "result", coder: string) =>
        d[side].map((p, j) => {
          const n = nthIndexOf(article.body, p.quote, p.occurrence ?? 1);
          if (n < 0) errors.push(`${at}.${side}[${j}]: quote not found in the article's cleaned body`);
          return { coder, start: n, end: n + p.quote.length, quote: p.quote };
        });
      article.adjudications.push({
        theme: d.theme,
        decision: d.decision,
        coderA: log.a.annotator,
        coderB: log.b.annotator,
        from: [...spans("a", log.a.annotator), ...spans("b", log.b.annotator)],
        result: spans("result", CONSENSUS).map(({ start, end, quote }) => ({ start, end, quote })),
        adjudicator: log.adjudicator,
        reason: d.reason ?? null,
        at: `${log.decidedOn}T00:00:00.000Z`,
      });
    });
  }

  for (const a of articles) {
    if (consensusFiles.has(a.slug)) continue;
    if (a.codings.size === 1) {
      const [only] = a.codings.values();
      a.annotations = only.annotations.map((p) => ({ ...p }));
      a.codingStatus = only.status;
    } else if (a.codings.size > 1) {
      errors.push(`${rel(path.join(dir, "consensus", `${a.slug}.json`))}: (file): ${a.codings.size} coders coded "${a.slug}" (${[...a.codings.keys()].join(", ")}); adjudicate them into a consensus file`);
    }
  }

  if (errors.length > 0 || !orgs || !codebook || !meta) return { ok: false, errors };

  const themeList = codebook.themes.map((t, i) => ({ ...t, order: i + 1 }));
  for (const a of articles) {
    a.stats = articleThemeStats(a.body, a.annotations, themeList.map((t) => t.slug));
  }
  return {
    ok: true,
    plan: { codebook: { version: codebook.version, themes: themeList }, organizations: orgs.organizations, articles },
  };
}
