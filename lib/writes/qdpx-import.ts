// Imports a REFI-QDA project or codebook (lib/corpus/qdpx/read.ts) in one transaction: codes
// become themes (matched by name, or by a mapping file), sources become articles (a text
// already stored is the same article), selections become passages. Positions are converted
// from code points of the source as the file holds it to UTF-16 offsets of the text with its
// line endings made "\n", and each is checked against the text. Any error refuses the whole
// file with every reason, so nothing of a bad project is stored; codes that match no theme are
// reported with the passages left out, never dropped silently.
import type { PrismaClient } from "../../generated/prisma/client";
import { annotatorForUser } from "../coding/coders";
import { CODING_STATUSES } from "../coding/status";
import { overrideDate } from "../corpus/detect";
import { sha256, slugForFile } from "../corpus/identity";
import { MAX_BODY_CHARS, MAX_BODY_WORDS } from "../corpus/limits";
import { freeSlug, matchOrganization, normaliseName, slugify, type KnownOrg } from "../corpus/orgs";
import { normaliseForPositions } from "../corpus/qdpx/offsets";
import type { QdaProject } from "../corpus/qdpx/read";
import { DATE_BASES, periodOf, type DatePrecision } from "../measure/dates";
import { countWords } from "../measure/words";
import { withBusyRetry } from "../db/retry";
import { refreshArticleStats } from "./article-stats";

/** code name (or guid) -> theme slug, or null to leave that code out on purpose */
export type CodeMapping = Record<string, string | null>;
export type QdaImportOptions = { dryRun?: boolean; codes?: CodeMapping; newThemes?: boolean; log?: (line: string) => void };

type PlannedPassage = { themeKey: string; start: number; end: number; quote: string; annotator: string; note: string | null };
type PlannedArticle = {
  sourceName: string;
  existing: { id: number; slug: string } | null;
  slug: string;
  title: string;
  body: string;
  wordCount: number;
  contentHash: string;
  date: string | null;
  precision: DatePrecision;
  dateNote: string;
  dateBasis: string | null;
  codingStatus: string;
  source: string | null;
  publisher: string | null;
  url: string | null;
  passages: PlannedPassage[];
};
type NewTheme = { key: string; slug: string; name: string; colour: string; definition: string };

export type QdaImportOutcome = {
  file: string;
  status: "imported" | "checked" | "failed";
  errors: string[];
  /** the report, one line each: what maps to what, what is left out and why */
  report: string[];
  counts: { themesCreated: number; articlesCreated: number; articlesMatched: number; passages: number; passagesStored: number; passagesLeftOut: number };
};

const UNKNOWN_SOURCE = { slug: "unknown-source", name: "Unknown source" };
const FALLBACK_COLOURS = ["#56B4E9", "#D55E00", "#F0E442", "#000000", "#0072B2", "#E69F00", "#CC79A7", "#009E73"];

function colourOf(c: string | null, i: number): string {
  if (c && /^#[0-9a-fA-F]{6}$/.test(c)) return c.toUpperCase();
  if (c && /^#[0-9a-fA-F]{3}$/.test(c)) return `#${[...c.slice(1)].map((h) => h + h).join("")}`.toUpperCase();
  return FALLBACK_COLOURS[i % FALLBACK_COLOURS.length];
}

const oneLine = (s: string, n = 60) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

export async function importQdaProject(prisma: PrismaClient, file: string, project: QdaProject, opts: QdaImportOptions = {}): Promise<QdaImportOutcome> {
  const errors: string[] = [];
  const report: string[] = [];
  const counts = { themesCreated: 0, articlesCreated: 0, articlesMatched: 0, passages: 0, passagesStored: 0, passagesLeftOut: 0 };
  const themes = await prisma.theme.findMany({ orderBy: { order: "asc" } });

  // Codes to themes: the mapping file first, then the theme's name or slug, then (--new-themes) a new theme.
  const codeTheme = new Map<string, string | null>(); // code guid -> theme slug (or new-theme key), null = left out
  const newThemes: NewTheme[] = [];
  const takenThemeSlugs = new Set(themes.map((t) => t.slug));
  for (const [i, c] of project.codes.entries()) {
    const mapped = opts.codes && (Object.hasOwn(opts.codes, c.guid) ? opts.codes[c.guid] : Object.hasOwn(opts.codes, c.name) ? opts.codes[c.name] : undefined);
    if (mapped !== undefined) {
      if (mapped === null) {
        codeTheme.set(c.guid, null);
        report.push(`code "${c.path}": left out by the mapping file`);
      } else if (!themes.some((t) => t.slug === mapped)) {
        errors.push(`${file}: the mapping file maps code "${c.name}" to "${mapped}", which is not a theme (themes: ${themes.map((t) => t.slug).join(", ") || "none"})`);
      } else {
        codeTheme.set(c.guid, mapped);
        report.push(`code "${c.path}" -> theme ${mapped} (mapping file)`);
      }
      continue;
    }
    const want = normaliseName(c.name);
    const theme = themes.find((t) => normaliseName(t.name) === want || t.slug === c.name.trim().toLowerCase());
    if (theme) {
      codeTheme.set(c.guid, theme.slug);
      report.push(`code "${c.path}" -> theme ${theme.slug} (same name)`);
    } else if (opts.newThemes) {
      const slug = freeSlug(slugify(c.name), (s) => takenThemeSlugs.has(s));
      takenThemeSlugs.add(slug);
      newThemes.push({ key: slug, slug, name: c.name, colour: colourOf(c.color, i), definition: c.description ?? "" });
      codeTheme.set(c.guid, slug);
      report.push(`code "${c.path}" -> new theme ${slug}`);
    } else {
      codeTheme.set(c.guid, null);
      report.push(`code "${c.path}": matches no theme; its passages are left out (map it with --codes, or create it with --new-themes)`);
    }
  }
  if (opts.codes) {
    for (const k of Object.keys(opts.codes)) {
      if (!project.codes.some((c) => c.guid === k || c.name === k)) errors.push(`${file}: the mapping file names code "${k}", which the file does not define`);
    }
  }

  // Sources to articles.
  const orgs: KnownOrg[] = (await prisma.organization.findMany()).map((o) => ({ slug: o.slug, name: o.name, aliases: JSON.parse(o.aliases) as string[] }));
  const takenSlugs = new Set((await prisma.article.findMany({ select: { slug: true } })).map((a) => a.slug));
  const leftOut = new Map<string, number>(); // code path -> passages left out
  const planned: PlannedArticle[] = [];
  const hashes = new Map<string, string>();
  for (const s of project.sources) {
    const where = `${file}: TextSource "${s.name}"`;
    const norm = normaliseForPositions(s.text);
    const body = norm.text;
    if (!body.trim()) {
      errors.push(`${where}: the text is empty`);
      continue;
    }
    if (body.length > MAX_BODY_CHARS) {
      errors.push(`${where}: the text is ${body.length.toLocaleString("en")} characters long, over the limit of ${MAX_BODY_CHARS.toLocaleString("en")}`);
      continue;
    }
    const wordCount = countWords(body);
    if (wordCount > MAX_BODY_WORDS) {
      errors.push(`${where}: the text has ${wordCount.toLocaleString("en")} words, over the limit of ${MAX_BODY_WORDS.toLocaleString("en")}`);
      continue;
    }
    const contentHash = sha256(body);
    if (hashes.has(contentHash)) {
      errors.push(`${where}: the same text as TextSource "${hashes.get(contentHash)}" of this file; merge the two in the other tool`);
      continue;
    }
    hashes.set(contentHash, s.name);
    const existing = await prisma.article.findUnique({ where: { contentHash }, select: { id: true, slug: true } });
    const v = (name: string) => s.variables.get(name)?.trim() || null;

    const passages: PlannedPassage[] = [];
    let sourceLeftOut = 0;
    for (const sel of s.selections) {
      const at = `${where}: PlainTextSelection ${sel.guid || "(no guid)"} [${sel.start}, ${sel.end})`;
      if (sel.start >= sel.end) {
        errors.push(`${at}: startPosition must be before endPosition`);
        continue;
      }
      if (sel.end > norm.length) {
        errors.push(`${at}: endPosition is past the end of the text (${norm.length} code points)`);
        continue;
      }
      const start = norm.at(sel.start);
      const end = norm.at(sel.end);
      const quote = body.slice(start, end);
      if (!quote.trim()) {
        errors.push(`${at}: the selection holds only white space`);
        continue;
      }
      // The selection's name, where a tool writes the selected text there, must be that text
      // (or its beginning): otherwise the positions were counted in some other way.
      const label = sel.name ? sel.name.replace(/\s+/g, " ").trim().replace(/(\.\.\.|…)$/, "") : "";
      const flat = quote.replace(/\s+/g, " ").trim();
      if (label && !flat.startsWith(label)) {
        errors.push(`${at}: the positions select "${oneLine(quote)}", but the selection is named "${oneLine(sel.name!)}"; the positions are not code points of this text`);
        continue;
      }
      if (sel.codings.length === 0) report.push(`${at}: has no coding; left out`);
      for (const c of sel.codings) {
        counts.passages++;
        const theme = codeTheme.get(c.codeGuid);
        if (!theme) {
          const path = project.codes.find((x) => x.guid === c.codeGuid)?.path ?? c.codeGuid;
          leftOut.set(path, (leftOut.get(path) ?? 0) + 1);
          counts.passagesLeftOut++;
          sourceLeftOut++;
          continue;
        }
        const user = project.users.get(c.creatingUser ?? sel.creatingUser ?? "");
        passages.push({ themeKey: theme, start, end, quote, annotator: annotatorForUser(user), note: sel.description });
      }
    }

    // Metadata: the variables this tool exports, or what another tool's variables say.
    let date: string | null = null;
    let precision: DatePrecision = "unknown";
    let dateNote = v("date_note") ?? "The REFI-QDA project gives no date.";
    const dv = v("date");
    if (dv) {
      const d = overrideDate(dv);
      if (typeof d === "string") report.push(`${where}: the date variable "${dv}" is not YYYY-MM-DD, YYYY-MM or YYYY; the date is left unknown`);
      else {
        ({ date, precision } = d);
        dateNote = v("date_note") ?? `From the date variable of the REFI-QDA project (${dv}).`;
      }
    }
    const dp = v("date_precision");
    if (dp && dp !== precision) errors.push(`${where}: date_precision "${dp}" does not match the date "${dv ?? ""}" (${precision})`);
    const basis = v("date_basis");
    if (basis && !(DATE_BASES as readonly string[]).includes(basis)) errors.push(`${where}: date_basis "${basis}" must be stated or inferred`);
    let status = v("coding_status");
    if (status && !(CODING_STATUSES as readonly string[]).includes(status)) errors.push(`${where}: coding_status "${status}" must be one of ${CODING_STATUSES.join(", ")}`);
    // A coded article whose passages are not all brought over would count as coded with too few.
    if (sourceLeftOut && (status === "coded" || status === "reviewed")) {
      report.push(`${where}: coding_status "${status}" is stored as in-progress, since ${sourceLeftOut} of its passages are left out`);
      status = "in-progress";
    }
    const title = v("title") ?? s.name.replace(/\.(txt|docx?|rtf|odt|pdf)$/i, "");
    const wantSlug = v("slug");
    const base = wantSlug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(wantSlug) ? wantSlug : slugForFile(title).slice(0, 60).replace(/-+$/, "") || `qda-${contentHash.slice(0, 12)}`;
    const slug = existing ? existing.slug : freeSlug(base, (x) => takenSlugs.has(x));
    if (!existing) takenSlugs.add(slug);
    planned.push({
      sourceName: s.name,
      existing,
      slug,
      title,
      body,
      wordCount,
      contentHash,
      date,
      precision,
      dateNote,
      dateBasis: date === null ? null : (basis ?? "inferred"),
      // Another tool's codings may not be complete: the article is in progress until someone marks it coded.
      codingStatus: status ?? (passages.length ? "in-progress" : "uncoded"),
      source: v("source"),
      publisher: v("publisher"),
      url: v("url"),
      passages,
    });
  }
  for (const [path, n] of leftOut) report.push(`code "${path}": ${n} passage(s) left out, the code matches no theme`);

  // Passages already stored on a matched article are not stored twice.
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  for (const a of planned) {
    if (!a.existing) continue;
    const stored = await prisma.annotation.findMany({ where: { articleId: a.existing.id, coder: "consensus" }, select: { start: true, end: true, annotator: true, theme: { select: { slug: true } } } });
    const keys = new Set(stored.map((p) => `${p.theme.slug}|${p.start}|${p.end}|${p.annotator}`));
    const before = a.passages.length;
    a.passages = a.passages.filter((p) => !keys.has(`${p.themeKey}|${p.start}|${p.end}|${p.annotator}`));
    report.push(`TextSource "${a.sourceName}" is the stored article ${a.existing.slug} (same text)${before > a.passages.length ? `; ${before - a.passages.length} of its passages are already stored` : ""}`);
  }
  for (const a of planned.filter((x) => !x.existing)) {
    report.push(`TextSource "${a.sourceName}" -> new article ${a.slug}: ${oneLine(a.title)} (${a.date ?? "date unknown"}, ${a.source ?? UNKNOWN_SOURCE.name}, ${a.wordCount} words, ${a.passages.length} passage(s), ${a.codingStatus})`);
  }
  counts.themesCreated = newThemes.length;
  counts.articlesCreated = planned.filter((a) => !a.existing).length;
  counts.articlesMatched = planned.length - counts.articlesCreated;
  counts.passagesStored = planned.reduce((n, a) => n + a.passages.length, 0);

  const log = opts.log ?? (() => {});
  if (errors.length) {
    for (const e of errors) log(`  error: ${e}`);
    return { file, status: "failed", errors, report, counts };
  }
  for (const r of report) log(`  ${r}`);
  if (opts.dryRun) return { file, status: "checked", errors, report, counts };

  await withBusyRetry("storing the REFI-QDA project", () =>
    prisma.$transaction(
      async (tx) => {
        const maxOrder = (await tx.theme.aggregate({ _max: { order: true } }))._max.order ?? 0;
        for (const [i, t] of newThemes.entries()) {
          const row = await tx.theme.create({
            data: { slug: t.slug, name: t.name, definition: t.definition, cues: "[]", boundaries: "[]", colour: t.colour, order: maxOrder + 1 + i },
          });
          themeIds.set(t.key, row.id);
        }
        const orgIds = new Map<string, number>();
        const orgId = async (name: string | null): Promise<number> => {
          const n = name ?? UNKNOWN_SOURCE.name;
          const key = normaliseName(n) || n;
          if (orgIds.has(key)) return orgIds.get(key)!;
          const known = name ? matchOrganization(name, orgs) : orgs.find((o) => o.slug === UNKNOWN_SOURCE.slug);
          let id: number;
          if (known) id = (await tx.organization.findUniqueOrThrow({ where: { slug: known.slug } })).id;
          else {
            const slug = name ? freeSlug(slugify(name), (s) => orgs.some((o) => o.slug === s)) : UNKNOWN_SOURCE.slug;
            id = (await tx.organization.create({ data: { slug, name: n, kind: "other", aliases: JSON.stringify([n]) } })).id;
            orgs.push({ slug, name: n, aliases: [n] });
          }
          orgIds.set(key, id);
          return id;
        };
        for (const a of planned) {
          let articleId: number;
          if (a.existing) articleId = a.existing.id;
          else {
            const p = a.date ? periodOf(a.date, a.precision) : null;
            const period = p && typeof p !== "string" ? p : null;
            articleId = (
              await tx.article.create({
                data: {
                  slug: a.slug,
                  title: a.title,
                  body: a.body,
                  wordCount: a.wordCount,
                  contentHash: a.contentHash,
                  dateStart: period?.start ?? null,
                  dateEnd: period?.end ?? null,
                  datePrecision: a.precision,
                  dateNote: a.dateNote,
                  dateBasis: a.dateBasis,
                  codingStatus: a.codingStatus,
                  sourceId: await orgId(a.source),
                  publisherId: a.publisher ? await orgId(a.publisher) : null,
                  url: a.url,
                },
              })
            ).id;
          }
          if (a.passages.length) {
            await tx.annotation.createMany({
              // Into the consensus: a project coded elsewhere arrives as one coding, its users kept as annotators.
              data: a.passages.map((p) => ({ articleId, coder: "consensus", themeId: themeIds.get(p.themeKey)!, start: p.start, end: p.end, quote: p.quote, words: countWords(p.quote), annotator: p.annotator, note: p.note })),
            });
          }
          await refreshArticleStats(tx, articleId);
        }
        // A new theme needs its zero rows on every other article too, so the charts count them.
        if (newThemes.length) {
          const touched = new Set(planned.filter((a) => a.existing).map((a) => a.existing!.id));
          const others = await tx.article.findMany({ where: { NOT: { slug: { in: planned.filter((a) => !a.existing).map((a) => a.slug) } } }, select: { id: true } });
          for (const o of others) if (!touched.has(o.id)) await refreshArticleStats(tx, o.id);
        }
      },
      { timeout: 600_000, maxWait: 30_000 },
    ),
  );
  return { file, status: "imported", errors, report, counts };
}

export function qdaSummary(o: QdaImportOutcome): string {
  const c = o.counts;
  if (o.status === "failed") return `${o.file}: refused, nothing written (${o.errors.length} problem(s)).`;
  return `${o.status === "checked" ? "Dry run, nothing written: " : ""}${o.file}: ${c.articlesCreated} new article(s), ${c.articlesMatched} already stored, ${c.themesCreated} new theme(s), ${c.passagesStored} passage(s) ${o.status === "checked" ? "to store" : "stored"}, ${c.passagesLeftOut} left out (codes without a theme).`;
}
