// Stores imported texts. Files are parsed first, then written in batches: one transaction per
// batch of files (BATCH_FILES) through prepared better-sqlite3 statements, so the cost of an
// import is its parsing plus a small share per file instead of a commit and a dozen ORM round
// trips per file. Inside the batch each file is its own SAVEPOINT: a file whose write fails is
// rolled back alone (its new organizations too) and reported with its reason, and the others of
// the batch still land. A batch that meets another writer's lock is retried whole
// (lib/db/retry.ts), which is safe because nothing of it was stored; a batch holds the write
// lock for a fraction of a second, so tagging writes in the app wait at most that long.
// Texts whose cleaned body is already stored are reported and skipped, which also catches a
// repost of a stored article under another publisher.
//
// What a file writes, exactly as before batching: its Article (uncoded), the Organization rows
// its source and publisher need, and one zero ArticleTheme row per theme of the consensus coding
// (an uncoded article has no passages, so nothing needs counting). Aggregates derived from these
// tables are kept by the database's own triggers (full-text search; the rollups).
import Database from "better-sqlite3";
import { periodOf } from "../measure/dates";
import { matchOrganization, type KnownOrg } from "../corpus/orgs";
import { withBusyRetry } from "../db/retry";
import { BUSY_TIMEOUT_MS, databaseFile, ensureWal } from "../db/create";
import { CONSENSUS } from "../coding/status";
import { describeDetection, detectArticle, type Detected, type ImportOverrides, type OrgChoice } from "../corpus/detect";
import { fingerprint, type Fingerprint } from "../corpus/near-duplicates";
import { fillFingerprints, fingerprintStatements, MemoryPrints, nearestStored, TextCache, storeFingerprint, type Resemblance } from "./fingerprints";
import { yieldToLoop } from "../db/yield";

export type { Resemblance };

/** A file's text, or why it could not be read as text (lib/corpus/read-text.ts): that file alone fails. */
/** A row of a CSV or JSON Lines file carries its own fields as `overrides` (lib/corpus/table.ts). */
/** `row`: the input is a row of a table file, named "file:line", and reported as a row. */
export type ImportInput = ({ file: string; raw: string; overrides?: ImportOverrides } | { file: string; unreadable: string }) & { row?: true };

/**
 * What to do with a text almost the same as a stored one (lib/corpus/near-duplicates.ts):
 * report it and store nothing (the default), replace the stored article's text and metadata in
 * place (`--replace`), or store it as a new article beside the other (`--keep-both`).
 */
export type NearDuplicateMode = "report" | "replace" | "keep-both";

export type FileOutcome = (
  /** `resembles`: the near-duplicate it was stored beside (--keep-both) */
  | { file: string; status: "imported"; slug: string; detected: Detected; createdOrgs: string[]; resembles?: Resemblance }
  | { file: string; status: "replaced"; slug: string; detected: Detected; createdOrgs: string[]; resembles: Resemblance }
  | { file: string; status: "duplicate"; of: string; detected: Detected }
  | { file: string; status: "near-duplicate"; of: Resemblance; detected: Detected }
  | { file: string; status: "failed"; reason: string }
  /** a dry run's file that would be stored; `resembles` and `mode` say it would replace or sit beside a near-duplicate */
  | { file: string; status: "checked"; detected: Detected; resembles?: Resemblance; mode?: NearDuplicateMode }
) & { row?: true };

export type ImportOptions = {
  overrides?: ImportOverrides;
  dryRun?: boolean;
  log?: (line: string) => void;
  /** Files per write transaction (default BATCH_FILES). */
  batchSize?: number;
  nearDuplicates?: NearDuplicateMode;
  /** How long one statement waits for another writer's lock (default BUSY_TIMEOUT_MS); the server passes APP_BUSY_TIMEOUT_MS. */
  busyTimeoutMs?: number;
};

/**
 * Files per write transaction: large enough that the commit is a small share of the cost, small
 * enough that a batch holds the write lock for well under a second (about 0.2 s on these machines)
 * and that a retry after a busy lock repeats little.
 */
export const BATCH_FILES = 200;

type Db = Database.Database;

/** A parsed file waiting for its batch's transaction. */
type Pending = { index: number; file: string; prefix: string; d: Detected; fp: Fingerprint };

type Created = { slug: string; name: string; line: string }[];
type Written =
  | { status: "imported"; slug: string; createdOrgs: Created; resembles?: Resemblance }
  | { status: "replaced"; slug: string; createdOrgs: Created; resembles: Resemblance }
  | { status: "duplicate"; of: string }
  | { status: "near-duplicate"; of: Resemblance }
  | { status: "failed"; reason: string };

function openDb(url: string, readonly: boolean, timeout = BUSY_TIMEOUT_MS): Db {
  ensureWal(url);
  const file = databaseFile(url);
  return new Database(file, { readonly, fileMustExist: true, timeout });
}

function knownOrgs(db: Db): KnownOrg[] {
  const rows = db.prepare(`SELECT slug, name, aliases FROM "Organization"`).all() as { slug: string; name: string; aliases: string }[];
  return rows.map((o) => ({ slug: o.slug, name: o.name, aliases: JSON.parse(o.aliases) as string[] }));
}

/** The period of a date detectArticle has already validated. */
function periodBounds(date: string, precision: Detected["precision"]): { start: string; end: string } {
  const p = periodOf(date, precision);
  if (!p || typeof p === "string") throw new Error(`invalid date ${date}: ${p}`);
  return p;
}

/** The statements every file's write runs, prepared once per import. */
function statements(db: Db) {
  return {
    hashOwner: db.prepare<[string], { slug: string }>(`SELECT slug FROM "Article" WHERE "contentHash" = ?`),
    slugTaken: db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM "Article" WHERE slug = ?`),
    orgBySlug: db.prepare<[string], { id: number; slug: string; name: string; aliases: string }>(`SELECT id, slug, name, aliases FROM "Organization" WHERE slug = ?`),
    insertOrg: db.prepare(`INSERT INTO "Organization" (slug, name, kind, aliases) VALUES (?, ?, 'other', ?)`),
    insertArticle: db.prepare(
      `INSERT INTO "Article" (slug, title, "titleNote", body, "wordCount", "contentHash", "dateStart", "dateEnd", "datePrecision", "dateNote", "dateBasis", "codingStatus", "sourceId", "publisherId", attribution, url)
       VALUES (@slug, @title, @titleNote, @body, @wordCount, @contentHash, @dateStart, @dateEnd, @datePrecision, @dateNote, @dateBasis, 'uncoded', @sourceId, @publisherId, @attribution, @url)`,
    ),
    themeIds: db.prepare<[], { id: number }>(`SELECT id FROM "Theme" ORDER BY id`),
    insertThemeRow: db.prepare(`INSERT INTO "ArticleTheme" ("articleId", "themeId", coder, "taggedWords", passages) VALUES (?, ?, ?, 0, 0)`),
    updateArticle: db.prepare(
      `UPDATE "Article" SET title = @title, "titleNote" = @titleNote, body = @body, "wordCount" = @wordCount, "contentHash" = @contentHash,
         "dateStart" = @dateStart, "dateEnd" = @dateEnd, "datePrecision" = @datePrecision, "dateNote" = @dateNote, "dateBasis" = @dateBasis,
         "sourceId" = @sourceId, "publisherId" = @publisherId, attribution = @attribution, url = COALESCE(@url, url)
       WHERE id = @id`,
    ),
    codingState: db.prepare<[number, number, number], { passages: number; status: string; codings: number }>(
      `SELECT (SELECT COUNT(*) FROM "Annotation" WHERE "articleId" = ?) AS passages, a."codingStatus" AS status,
              (SELECT COUNT(*) FROM "ArticleCoding" WHERE "articleId" = ? AND status <> 'uncoded') AS codings
       FROM "Article" a WHERE a.id = ?`,
    ),
    prints: fingerprintStatements(db),
  };
}
type Statements = ReturnType<typeof statements>;

/**
 * Why a stored article's text may not be replaced, or null. Only an article nobody has coded is
 * replaced: its passages' offsets and quotes, and a coder's judgement that it holds no theme,
 * were made on the old text (README: "Near-duplicates").
 */
function replaceRefusal(st: Statements, target: Resemblance & { id: number }): string | null {
  const c = st.codingState.get(target.id, target.id, target.id);
  if (!c) return null;
  if (c.passages > 0)
    return `"${target.slug}" is almost the same text (similarity ${similarityText(target.similarity)}) but has ${c.passages} passage(s), made on its current text; it is not replaced (import with --keep-both, or remove its passages first)`;
  if (c.status !== "uncoded" || c.codings > 0)
    return `"${target.slug}" is almost the same text (similarity ${similarityText(target.similarity)}) but has been coded; it is not replaced (import with --keep-both, or set it back to uncoded first)`;
  return null;
}

export const similarityText = (s: number) => s.toFixed(2);

/** One file's rows, inside the batch's transaction. Throws to have its savepoint rolled back. */
function writeFile(st: Statements, d: Detected, fp: Fingerprint, mode: NearDuplicateMode, cache: TextCache): Written {
  const twin = st.hashOwner.get(d.contentHash);
  if (twin) return { status: "duplicate", of: twin.slug };
  const near = nearestStored(st.prints, fp, cache);
  if (near && mode === "report") return { status: "near-duplicate", of: { slug: near.slug, title: near.title, similarity: near.similarity } };
  if (near && mode === "replace") {
    const refusal = replaceRefusal(st, near);
    if (refusal) return { status: "failed", reason: refusal };
  }
  const createdOrgs: Created = [];
  // The slug was chosen free of known organizations; one stored since (by another writer,
  // or earlier in this batch) under another name does not take this name's texts.
  const orgId = (o: OrgChoice): number => {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? o.slug : `${o.slug}-${n}`;
      const found = st.orgBySlug.get(slug);
      if (found) {
        const same = !o.isNew || matchOrganization(o.name, [{ ...found, aliases: JSON.parse(found.aliases) as string[] }]);
        if (same) return found.id;
        continue;
      }
      createdOrgs.push({ slug, name: o.name, line: `${slug} ("${o.name}", from ${o.from})` });
      return Number(st.insertOrg.run(slug, o.name, JSON.stringify([o.name])).lastInsertRowid);
    }
  };
  const { start, end } = d.date ? periodBounds(d.date, d.precision) : { start: null, end: null };
  const sourceId = orgId(d.source);
  const publisherId = d.publisher ? orgId(d.publisher) : null;
  const fields = {
    title: d.title,
    titleNote: d.titleFrom.startsWith("the opening words") ? "Placeholder title: the text has no title line." : null,
    body: d.body,
    wordCount: d.wordCount,
    contentHash: d.contentHash,
    dateStart: start,
    dateEnd: end,
    datePrecision: d.precision,
    dateNote: d.dateNote,
    dateBasis: d.dateBasis,
    sourceId,
    publisherId,
    attribution: d.attribution,
    url: d.url,
  };
  const resembles = near ? { slug: near.slug, title: near.title, similarity: near.similarity } : undefined;
  if (near && resembles && mode === "replace") {
    // Same slug, same id: its (zero) per-theme rows and coding rows stay; the search index and
    // the rollups follow the row by their triggers; the fingerprint is the new text's.
    st.updateArticle.run({ ...fields, id: near.id });
    st.prints.deletePrint.run(near.id);
    storeFingerprint(st.prints, near.id, fp, d.contentHash);
    cache.wrote(near.id, d.contentHash, fp.sorted);
    return { status: "replaced", slug: near.slug, createdOrgs, resembles };
  }
  let slug = d.slug;
  for (let n = 2; st.slugTaken.get(slug); n++) slug = `${d.slug}-${n}`;
  const articleId = Number(
    st.insertArticle.run({
      slug,
      ...fields,
    }).lastInsertRowid,
  );
  // Zero totals for every theme, so the charts count the article (as uncoded) for every theme alike.
  for (const t of st.themeIds.all()) st.insertThemeRow.run(articleId, t.id, CONSENSUS);
  storeFingerprint(st.prints, articleId, fp, d.contentHash);
  // Later files of the run are compared with this one: its shingles are at hand.
  cache.wrote(articleId, d.contentHash, fp.sorted);
  return { status: "imported", slug, createdOrgs, resembles };
}

/**
 * The batch's transaction: BEGIN IMMEDIATE (so the write lock is taken, or waited for, before
 * anything is read), then every file under its own savepoint. better-sqlite3 runs a transaction
 * function called inside another as a SAVEPOINT, rolled back and released when it throws.
 */
function writeBatch(db: Db, st: Statements, batch: readonly Pending[], mode: NearDuplicateMode, cache: TextCache): Written[] {
  const one = db.transaction((p: Pending) => writeFile(st, p.d, p.fp, mode, cache));
  const all = db.transaction(() => {
    cache.begin(db);
    return batch.map((p): Written => {
      try {
        return one(p);
      } catch (e) {
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then the
        // batch as a whole failed, and it is written again file by file (see importArticles).
        if (!db.inTransaction) throw new BatchAborted(e as Error);
        return { status: "failed", reason: (e as Error).message };
      }
    });
  });
  try {
    return all.immediate();
  } catch (e) {
    cache.forgetIds();
    throw e;
  }
}

class BatchAborted extends Error {
  constructor(readonly cause: Error) {
    super(cause.message);
  }
}

export async function importArticles(url: string, inputs: readonly ImportInput[], opts: ImportOptions = {}): Promise<FileOutcome[]> {
  const log = opts.log ?? (() => {});
  const size = Math.max(1, opts.batchSize ?? BATCH_FILES);
  const mode = opts.nearDuplicates ?? "report";
  const db = openDb(url, !!opts.dryRun, opts.busyTimeoutMs);
  try {
    // Prepared on a read-only connection too: a dry run reads with them and never runs a write.
    const st = statements(db);
    const hashOwner = db.prepare<[string], { slug: string }>(`SELECT slug FROM "Article" WHERE "contentHash" = ?`);
    const orgs = knownOrgs(db);
    // Near-duplicates: the import first fingerprints the stored articles that have none (the
    // seed's, a REFI-QDA project's); a dry run, which writes nothing, holds those in memory,
    // together with the files it has checked so far.
    // The fill waits until a file is ready to be written, so a run of bad files changes nothing.
    let memory: MemoryPrints | null = null;
    let printsOfDb: ReturnType<typeof fingerprintStatements> | null = null;
    let filled = false;
    if (opts.dryRun) {
      memory = MemoryPrints.ofUnprinted(db);
      printsOfDb = fingerprintStatements(db);
    }
    // Shingles of the stored texts met so far, for the near-duplicate comparisons.
    const cache = new TextCache();
    const outcomes: FileOutcome[] = [];
    const seenHashes = new Map<string, string>(); // the dry run's own "earlier in this import"
    const importedSlugs = new Set<string>();

    for (let from = 0; from < inputs.length; from += size) {
      const slice = inputs.slice(from, from + size);
      const lines: { index: number; outcome: FileOutcome; line: string }[] = [];
      const pending: Pending[] = [];
      for (const [k, input] of slice.entries()) {
        const index = from + k;
        const prefix = `[${index + 1}/${inputs.length}] ${input.file}`;
        const fail = (reason: string, written = true) =>
          lines.push({ index, outcome: { file: input.file, status: "failed", reason }, line: `${prefix}: failed${written ? ", nothing written" : ""}: ${reason}` });
        if ("unreadable" in input) {
          fail(input.unreadable);
          continue;
        }
        let d: Detected;
        try {
          d = detectArticle(input.file, input.raw, orgs, { ...opts.overrides, ...input.overrides });
        } catch (e) {
          fail((e as Error).message, false);
          continue;
        }
        if (d.errors.length) {
          fail(d.errors.join("; "));
          continue;
        }
        const fp = fingerprint(d.body);
        if (memory && printsOfDb) {
          const twin = hashOwner.get(d.contentHash)?.slug;
          const earlier = twin ? undefined : seenHashes.get(d.contentHash);
          if (twin || earlier) {
            const of = (twin ?? earlier)!;
            lines.push({ index, outcome: { file: input.file, status: "duplicate", of, detected: d }, line: `${prefix}: skipped, same text as "${of}" is already ${twin ? "stored" : "in this import"}` });
            continue;
          }
          const stored = nearestStored(printsOfDb, fp, cache);
          const inRun = memory.best(fp);
          const storedWins = !!stored && (!inRun || stored.similarity >= inRun.similarity);
          const near: Resemblance | null = stored && storedWins ? { slug: stored.slug, title: stored.title, similarity: stored.similarity } : inRun;
          const refusal = stored && storedWins && mode === "replace" ? replaceRefusal(st, stored) : null;
          if (refusal) {
            lines.push({ index, outcome: { file: input.file, status: "failed", reason: refusal }, line: `${prefix}: would fail: ${refusal}` });
            continue;
          }
          if (near && mode === "report") {
            lines.push({ index, outcome: { file: input.file, status: "near-duplicate", of: near, detected: d }, line: `${prefix}: ${nearLine(near)}\n${describeDetection(d)}` });
            continue;
          }
          seenHashes.set(d.contentHash, d.slug);
          memory.add(d.slug, d.title, fp);
          const would = near ? (mode === "replace" ? `would replace the text of "${near.slug}" (similarity ${similarityText(near.similarity)}; its slug is kept)` : `would import as "${d.slug}" beside its near-duplicate "${near.slug}" (similarity ${similarityText(near.similarity)})`) : `would import as "${d.slug}"`;
          lines.push({
            index,
            outcome: { file: input.file, status: "checked", detected: d, ...(near ? { resembles: near, mode } : {}) },
            line: `${prefix}: ${would}\n${describeDetection(d)}`,
          });
          continue;
        }
        pending.push({ index, file: input.file, prefix, d, fp });
      }

      if (!opts.dryRun && pending.length) {
        if (!filled) {
          const n = await fillFingerprints(db);
          if (n) log(`Fingerprinted ${n} stored article(s) for the near-duplicate check.`);
          filled = true;
        }
        let written: Written[];
        try {
          written = await withBusyRetry(`storing ${unitsText(pending.map((p) => inputs[p.index]))}`, async () => writeBatch(db, st, pending, mode, cache));
        } catch (e) {
          if (!(e instanceof BatchAborted)) throw e;
          // The database undid the whole batch: write its files one transaction each, so the
          // file that cannot be written fails alone.
          written = [];
          for (const p of pending) {
            try {
              written.push(...(await withBusyRetry(`storing ${p.file}`, async () => writeBatch(db, st, [p], mode, cache))));
            } catch (e2) {
              written.push({ status: "failed", reason: (e2 as Error).message });
            }
          }
        }
        for (const [k, p] of pending.entries()) {
          const w = written[k];
          const { d, prefix, index, file } = p;
          if (w.status === "failed") {
            lines.push({ index, outcome: { file, status: "failed", reason: w.reason }, line: `${prefix}: failed, nothing written: ${w.reason}` });
          } else if (w.status === "near-duplicate") {
            lines.push({ index, outcome: { file, status: "near-duplicate", of: w.of, detected: d }, line: `${prefix}: ${nearLine(w.of)}` });
          } else if (w.status === "duplicate") {
            lines.push({ index, outcome: { file, status: "duplicate", of: w.of, detected: d }, line: `${prefix}: skipped, same text as "${w.of}" is already ${importedSlugs.has(w.of) ? "in this import" : "stored"}` });
          } else {
            importedSlugs.add(w.slug);
            // Later files recognise the organizations this one created, as if they had been stored before the run.
            for (const o of w.createdOrgs) orgs.push({ slug: o.slug, name: o.name, aliases: [o.name] });
            // An organization another file of the batch created first is not new for this one.
            for (const o of [d.source, d.publisher]) if (o?.isNew && !w.createdOrgs.some((c) => c.slug === o.slug)) o.isNew = false;
            const createdOrgs = w.createdOrgs.map((o) => o.line);
            const notes = [
              ...(w.status === "imported" && w.resembles ? [`kept beside its near-duplicate "${w.resembles.slug}" (similarity ${similarityText(w.resembles.similarity)})`] : []),
              ...createdOrgs.map((o) => `created organization ${o}`),
              ...d.undetermined.map((u) => `not determined: ${u}`),
            ];
            const what = w.status === "replaced" ? `replaced the text of "${w.slug}" (similarity ${similarityText(w.resembles.similarity)}; slug kept)` : `imported as "${w.slug}"`;
            lines.push({
              index,
              outcome:
                w.status === "replaced"
                  ? { file, status: "replaced", slug: w.slug, detected: d, createdOrgs, resembles: w.resembles }
                  : { file, status: "imported", slug: w.slug, detected: d, createdOrgs, ...(w.resembles ? { resembles: w.resembles } : {}) },
              line: `${prefix}: ${what} (${d.date ?? "date unknown"}, ${d.source.name}, ${d.wordCount} words)${notes.map((n) => `\n    ${n}`).join("")}`,
            });
          }
        }
      }
      lines.sort((a, b) => a.index - b.index);
      for (const l of lines) {
        if (inputs[l.index].row) l.outcome.row = true;
        outcomes.push(l.outcome);
        log(l.line);
      }
      // Let other work of this process (a server's requests) in between batches.
      await yieldToLoop();
    }
    return outcomes;
  } finally {
    db.close();
  }
}

/** "3 file(s)", "150 row(s)", "2 file(s) and 150 row(s)": what a run was given, rows of CSV / JSON Lines files counted as rows. */
export function unitsText(items: readonly { row?: true }[]): string {
  const rows = items.filter((i) => i.row).length;
  const files = items.length - rows;
  if (rows === 0) return `${files} file(s)`;
  return files ? `${files} file(s) and ${rows} row(s)` : `${rows} row(s)`;
}

/** The report of a text not imported because it is almost the same as another. */
function nearLine(of: Resemblance): string {
  return `not imported, almost the same text as "${of.slug}" ("${of.title}", similarity ${similarityText(of.similarity)}); give --replace to update that article in place, or --keep-both to store both`;
}

export function importSummary(outcomes: readonly FileOutcome[], dryRun = false): string {
  const count = (s: FileOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  // Only said when it happened, so the usual summary stays one short line.
  const near = count("near-duplicate") ? [`${count("near-duplicate")} near-duplicate(s) ${dryRun ? "" : "not imported"}`.trim()] : [];
  const replaced = count("replaced") ? [`${count("replaced")} replaced`] : [];
  const parts = dryRun
    ? [`${count("checked")} would be imported`, `${count("duplicate")} duplicate(s)`, ...near, `${count("failed")} failed`]
    : [`${count("imported")} imported`, ...replaced, `${count("duplicate")} duplicate(s) skipped`, ...near, `${count("failed")} failed`];
  return `${dryRun ? "Dry run, nothing written: " : ""}${unitsText(outcomes)}: ${parts.join(", ")}.`;
}
