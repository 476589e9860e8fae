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

/** A file's text, or why it could not be read as text (lib/corpus/read-text.ts): that file alone fails. */
/** A row of a CSV or JSON Lines file carries its own fields as `overrides` (lib/corpus/table.ts). */
export type ImportInput = { file: string; raw: string; overrides?: ImportOverrides } | { file: string; unreadable: string };

export type FileOutcome =
  | { file: string; status: "imported"; slug: string; detected: Detected; createdOrgs: string[] }
  | { file: string; status: "duplicate"; of: string; detected: Detected }
  | { file: string; status: "failed"; reason: string }
  | { file: string; status: "checked"; detected: Detected };

export type ImportOptions = {
  overrides?: ImportOverrides;
  dryRun?: boolean;
  log?: (line: string) => void;
  /** Files per write transaction (default BATCH_FILES). */
  batchSize?: number;
};

/**
 * Files per write transaction: large enough that the commit is a small share of the cost, small
 * enough that a batch holds the write lock for well under a second (about 0.2 s on these machines)
 * and that a retry after a busy lock repeats little.
 */
export const BATCH_FILES = 200;

type Db = Database.Database;

/** A parsed file waiting for its batch's transaction. */
type Pending = { index: number; file: string; prefix: string; d: Detected };

type Written = { status: "imported"; slug: string; createdOrgs: { slug: string; name: string; line: string }[] } | { status: "duplicate"; of: string } | { status: "failed"; reason: string };

function openDb(url: string, readonly: boolean): Db {
  ensureWal(url);
  const file = databaseFile(url);
  return new Database(file, { readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
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
  };
}
type Statements = ReturnType<typeof statements>;

/**
 * One file's rows, inside the batch's transaction. Throws to have its savepoint rolled back.
 * `createdSlugs` are the articles stored earlier in this run, to tell "already stored" from
 * "earlier in this import" when reporting a duplicate.
 */
function writeFile(st: Statements, d: Detected): Written {
  const twin = st.hashOwner.get(d.contentHash);
  if (twin) return { status: "duplicate", of: twin.slug };
  const createdOrgs: { slug: string; name: string; line: string }[] = [];
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
  let slug = d.slug;
  for (let n = 2; st.slugTaken.get(slug); n++) slug = `${d.slug}-${n}`;
  const { start, end } = d.date ? periodBounds(d.date, d.precision) : { start: null, end: null };
  const sourceId = orgId(d.source);
  const publisherId = d.publisher ? orgId(d.publisher) : null;
  const articleId = Number(
    st.insertArticle.run({
      slug,
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
    }).lastInsertRowid,
  );
  // Zero totals for every theme, so the charts count the article (as uncoded) for every theme alike.
  for (const t of st.themeIds.all()) st.insertThemeRow.run(articleId, t.id, CONSENSUS);
  return { status: "imported", slug, createdOrgs };
}

/**
 * The batch's transaction: BEGIN IMMEDIATE (so the write lock is taken, or waited for, before
 * anything is read), then every file under its own savepoint. better-sqlite3 runs a transaction
 * function called inside another as a SAVEPOINT, rolled back and released when it throws.
 */
function writeBatch(db: Db, st: Statements, batch: readonly Pending[]): Written[] {
  const one = db.transaction((d: Detected) => writeFile(st, d));
  const all = db.transaction(() =>
    batch.map((p): Written => {
      try {
        return one(p.d);
      } catch (e) {
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then the
        // batch as a whole failed, and it is written again file by file (see importArticles).
        if (!db.inTransaction) throw new BatchAborted(e as Error);
        return { status: "failed", reason: (e as Error).message };
      }
    }),
  );
  return all.immediate();
}

class BatchAborted extends Error {
  constructor(readonly cause: Error) {
    super(cause.message);
  }
}

export async function importArticles(url: string, inputs: readonly ImportInput[], opts: ImportOptions = {}): Promise<FileOutcome[]> {
  const log = opts.log ?? (() => {});
  const size = Math.max(1, opts.batchSize ?? BATCH_FILES);
  const db = openDb(url, !!opts.dryRun);
  try {
    const st = opts.dryRun ? null : statements(db);
    const hashOwner = db.prepare<[string], { slug: string }>(`SELECT slug FROM "Article" WHERE "contentHash" = ?`);
    const orgs = knownOrgs(db);
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
        if (opts.dryRun) {
          const twin = hashOwner.get(d.contentHash)?.slug;
          const earlier = twin ? undefined : seenHashes.get(d.contentHash);
          if (twin || earlier) {
            const of = (twin ?? earlier)!;
            lines.push({ index, outcome: { file: input.file, status: "duplicate", of, detected: d }, line: `${prefix}: skipped, same text as "${of}" is already ${twin ? "stored" : "in this import"}` });
          } else {
            seenHashes.set(d.contentHash, d.slug);
            lines.push({ index, outcome: { file: input.file, status: "checked", detected: d }, line: `${prefix}: would import as "${d.slug}"\n${describeDetection(d)}` });
          }
          continue;
        }
        pending.push({ index, file: input.file, prefix, d });
      }

      if (st && pending.length) {
        let written: Written[];
        try {
          written = await withBusyRetry(`storing ${pending.length} file(s)`, async () => writeBatch(db, st, pending));
        } catch (e) {
          if (!(e instanceof BatchAborted)) throw e;
          // The database undid the whole batch: write its files one transaction each, so the
          // file that cannot be written fails alone.
          written = [];
          for (const p of pending) {
            try {
              written.push(...(await withBusyRetry(`storing ${p.file}`, async () => writeBatch(db, st, [p]))));
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
          } else if (w.status === "duplicate") {
            lines.push({ index, outcome: { file, status: "duplicate", of: w.of, detected: d }, line: `${prefix}: skipped, same text as "${w.of}" is already ${importedSlugs.has(w.of) ? "in this import" : "stored"}` });
          } else {
            importedSlugs.add(w.slug);
            // Later files recognise the organizations this one created, as if they had been stored before the run.
            for (const o of w.createdOrgs) orgs.push({ slug: o.slug, name: o.name, aliases: [o.name] });
            // An organization another file of the batch created first is not new for this one.
            for (const o of [d.source, d.publisher]) if (o?.isNew && !w.createdOrgs.some((c) => c.slug === o.slug)) o.isNew = false;
            const createdOrgs = w.createdOrgs.map((o) => o.line);
            const notes = [...createdOrgs.map((o) => `created organization ${o}`), ...d.undetermined.map((u) => `not determined: ${u}`)];
            lines.push({
              index,
              outcome: { file, status: "imported", slug: w.slug, detected: d, createdOrgs },
              line: `${prefix}: imported as "${w.slug}" (${d.date ?? "date unknown"}, ${d.source.name}, ${d.wordCount} words)${notes.map((n) => `\n    ${n}`).join("")}`,
            });
          }
        }
      }
      lines.sort((a, b) => a.index - b.index);
      for (const l of lines) {
        outcomes.push(l.outcome);
        log(l.line);
      }
      // Let other work of this process (a server's requests) in between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return outcomes;
  } finally {
    db.close();
  }
}

export function importSummary(outcomes: readonly FileOutcome[], dryRun = false): string {
  const count = (s: FileOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const parts = dryRun
    ? [`${count("checked")} would be imported`, `${count("duplicate")} duplicate(s)`, `${count("failed")} failed`]
    : [`${count("imported")} imported`, `${count("duplicate")} duplicate(s) skipped`, `${count("failed")} failed`];
  return `${dryRun ? "Dry run, nothing written: " : ""}${outcomes.length} file(s): ${parts.join(", ")}.`;
}
