// The stored side of near-duplicate detection (lib/corpus/near-duplicates.ts): every article's
// MinHash band keys in "ArticleShingleBand", marked done in "ArticleFingerprint", and the lookup
// that turns a new text's keys into the stored articles worth comparing exactly. Runs on a raw
// better-sqlite3 connection, inside the import's batch transactions.
import type Database from "better-sqlite3";
import { fingerprint, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles, type Fingerprint } from "../corpus/near-duplicates";
import { withBusyRetry } from "../db/retry";

/** The stored article a text is almost the same as. */
export type Resemblance = { slug: string; title: string; similarity: number };

/** Articles fingerprinted per transaction when filling in the ones stored by other ways in. */
const FILL_BATCH = 500;

type Db = Database.Database;

export function fingerprintStatements(db: Db) {
  return {
    insertPrint: db.prepare(`INSERT INTO "ArticleFingerprint" ("articleId", shingles, "contentHash") VALUES (?, ?, ?)`),
    insertBand: db.prepare(`INSERT OR IGNORE INTO "ArticleShingleBand" (key, "articleId") VALUES (?, ?)`),
    deletePrint: db.prepare(`DELETE FROM "ArticleFingerprint" WHERE "articleId" = ?`),
    candidates: db.prepare<[string], { id: number }>(
      `SELECT DISTINCT "articleId" AS id FROM "ArticleShingleBand" WHERE key IN (SELECT value FROM json_each(?))`,
    ),
    article: db.prepare<[number], { id: number; slug: string; title: string; body: string }>(`SELECT id, slug, title, body FROM "Article" WHERE id = ?`),
  };
}
export type FingerprintStatements = ReturnType<typeof fingerprintStatements>;

export function storeFingerprint(st: FingerprintStatements, articleId: number, fp: Fingerprint, contentHash: string): void {
  st.insertPrint.run(articleId, fp.shingles.size, contentHash);
  for (const key of fp.keys) st.insertBand.run(key, articleId);
}

/**
 * Articles without a fingerprint of their current text (seeded, stored by a REFI-QDA import, or
 * edited since), in id order.
 */
function unprinted(db: Db, afterId: number, limit: number): { id: number; body: string; contentHash: string }[] {
  return db
    .prepare(
      `SELECT a.id, a.body, a."contentHash" FROM "Article" a LEFT JOIN "ArticleFingerprint" f ON f."articleId" = a.id
       WHERE a.id > ? AND (f."articleId" IS NULL OR f."contentHash" <> a."contentHash") ORDER BY a.id LIMIT ?`,
    )
    .all(afterId, limit) as { id: number; body: string; contentHash: string }[];
}

/**
 * Fingerprints every article that has none, FILL_BATCH per transaction. The import calls it
 * first, so the seed and the REFI-QDA import need not know about near-duplicates. Returns the
 * number of articles fingerprinted.
 */
export async function fillFingerprints(db: Db): Promise<number> {
  const st = fingerprintStatements(db);
  let done = 0;
  for (let after = 0; ; ) {
    const rows = unprinted(db, after, FILL_BATCH);
    if (!rows.length) return done;
    const prints = rows.map((r) => ({ id: r.id, hash: r.contentHash, fp: fingerprint(r.body) }));
    await withBusyRetry(`fingerprinting ${rows.length} stored article(s)`, async () =>
      db
        .transaction(() => {
          for (const p of prints) {
            st.deletePrint.run(p.id); // a stale one, or one another writer stored meanwhile
            storeFingerprint(st, p.id, p.fp, p.hash);
          }
        })
        .immediate(),
    );
    done += rows.length;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Texts the database cannot answer for: in a dry run (which writes nothing) the stored articles
 * not fingerprinted yet and the files checked earlier in the same run.
 */
export class MemoryPrints {
  private readonly byKey = new Map<number, Set<number>>();
  private readonly entries: { slug: string; title: string; shingles: Set<number> }[] = [];

  add(slug: string, title: string, fp: Fingerprint): void {
    const n = this.entries.push({ slug, title, shingles: fp.shingles }) - 1;
    for (const k of fp.keys) {
      let s = this.byKey.get(k);
      if (!s) this.byKey.set(k, (s = new Set()));
      s.add(n);
    }
  }

  best(fp: Fingerprint): Resemblance | null {
    const seen = new Set<number>();
    let best: Resemblance | null = null;
    for (const k of fp.keys) {
      for (const n of this.byKey.get(k) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        const e = this.entries[n];
        const similarity = jaccard(fp.shingles, e.shingles);
        if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity)) best = { slug: e.slug, title: e.title, similarity };
      }
    }
    return best;
  }

  /** Every stored article without a fingerprint of its text, read (not written) for a dry run. */
  static ofUnprinted(db: Db): MemoryPrints {
    const m = new MemoryPrints();
    for (let after = 0; ; ) {
      const rows = unprinted(db, after, FILL_BATCH);
      if (!rows.length) return m;
      for (const r of rows) {
        const a = db.prepare<[number], { slug: string; title: string }>(`SELECT slug, title FROM "Article" WHERE id = ?`).get(r.id)!;
        m.add(a.slug, a.title, fingerprint(r.body));
      }
      after = rows[rows.length - 1].id;
    }
  }
}

/**
 * The stored article most similar to a text, if its similarity reaches the threshold: the
 * articles that share a band key with it (an index lookup), compared exactly on their shingles.
 * `cache` keeps the candidates' shingles for the rest of the run.
 */
export function nearestStored(st: FingerprintStatements, fp: Fingerprint, cache: Map<number, Set<number>>): (Resemblance & { id: number }) | null {
  if (!fp.keys.length) return null;
  let best: (Resemblance & { id: number }) | null = null;
  for (const { id } of st.candidates.all(JSON.stringify(fp.keys))) {
    const a = st.article.get(id);
    if (!a) continue;
    let s = cache.get(id);
    if (!s) cache.set(id, (s = shingles(a.body)));
    const similarity = jaccard(fp.shingles, s);
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity)) best = { id, slug: a.slug, title: a.title, similarity };
  }
  return best;
}
