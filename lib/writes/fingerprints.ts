// The stored side of near-duplicate detection (lib/corpus/near-duplicates.ts): every article's
// MinHash band keys in "ArticleShingleBand", marked done in "ArticleFingerprint", and the lookup
// that turns a new text's keys into the stored articles worth comparing exactly. Runs on a raw
// better-sqlite3 connection, inside the import's batch transactions.
import type Database from "better-sqlite3";
import { fingerprint, jaccardSorted, NEAR_DUPLICATE_THRESHOLD, shingles, sortedShingles, type Fingerprint } from "../corpus/near-duplicates";
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
    // With each candidate's text hash, in one query: the shingles of a text already seen in this
    // run come from the cache, and only a text not seen yet is read and cut into shingles.
    candidates: db
      .prepare<[string], [number, string]>(
        `SELECT c.id, a."contentHash" FROM (SELECT DISTINCT "articleId" AS id FROM "ArticleShingleBand" WHERE key IN (SELECT value FROM json_each(?))) c
         JOIN "Article" a ON a.id = c.id`,
      )
      .raw(),
    // The same, ids only (repeated when an article shares several keys): for an import whose
    // idea of the stored texts' hashes is current (TextCache).
    candidateIds: db.prepare<[string], number>(`SELECT "articleId" FROM "ArticleShingleBand" WHERE key IN (SELECT value FROM json_each(?))`).pluck(),
    hashOf: db.prepare<[number], string>(`SELECT "contentHash" FROM "Article" WHERE id = ?`).pluck(),
    body: db.prepare<[number], { body: string }>(`SELECT body FROM "Article" WHERE id = ?`),
    label: db.prepare<[number], { slug: string; title: string }>(`SELECT slug, title FROM "Article" WHERE id = ?`),
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
  private readonly entries: { slug: string; title: string; sorted: Uint32Array }[] = [];

  add(slug: string, title: string, fp: Fingerprint): void {
    const n = this.entries.push({ slug, title, sorted: fp.sorted }) - 1;
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
        const similarity = jaccardSorted(fp.sorted, e.sorted);
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
 * What an import knows about the texts it compares new ones with, so that it need not read and
 * cut the same stored texts again for every file (an import compares each new text with every
 * stored one sharing a band key with it: in a corpus of similar texts, most of those stored).
 * - The shingles of each text met, by the text's hash, which names the text exactly: an entry
 *   stays right whatever happens to the rows. Sorted, 4 bytes a shingle; past `budget`
 *   shingles the oldest texts are dropped (and read again if met again).
 * - The text hash of each article id, as this connection last saw or wrote it. It is trusted
 *   only while no other connection has committed since (SQLite's data_version; checked at the
 *   start of every batch, and given up when a batch fails): then the candidates are read as ids
 *   alone, the cheapest lookup, instead of joined with the articles for their current hashes.
 */
export class TextCache {
  private readonly byHash = new Map<string, Uint32Array>();
  private size = 0;
  private readonly hashOf = new Map<number, string>();
  private version: number | null = null;
  private seen = new Int32Array(1024);
  private stamp = 0;
  constructor(private readonly budget = 8_000_000) {}

  shingles(hash: string): Uint32Array | undefined {
    return this.byHash.get(hash);
  }

  setShingles(hash: string, sorted: Uint32Array): void {
    const old = this.byHash.get(hash);
    if (old) this.size -= old.length;
    this.byHash.set(hash, sorted);
    this.size += sorted.length;
    for (const [h, x] of this.byHash) {
      if (this.size <= this.budget) break;
      this.byHash.delete(h);
      this.size -= x.length;
    }
  }

  /** An article this connection has just written with the text of `hash`. */
  wrote(id: number, hash: string, sorted: Uint32Array): void {
    this.setShingles(hash, sorted);
    this.hashOf.set(id, hash);
  }

  /** At the start of a write transaction: keep the ids' hashes only if nobody else has committed since the last one. */
  begin(db: Db): void {
    const v = db.pragma("data_version", { simple: true }) as number;
    if (v !== this.version) this.hashOf.clear();
    this.version = v;
  }

  /** A transaction that did not commit: what it wrote may not be there. */
  forgetIds(): void {
    this.hashOf.clear();
    this.version = null;
  }

  get idsTrusted(): boolean {
    return this.version !== null;
  }

  hash(id: number): string | undefined {
    return this.hashOf.get(id);
  }

  learn(id: number, hash: string): void {
    if (this.version !== null) this.hashOf.set(id, hash);
  }

  /** True the first time an id is met in the current candidate list (the band lookups repeat ids). */
  first(id: number): boolean {
    if (id >= this.seen.length) {
      const grown = new Int32Array(Math.max(id + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.seen[id] === this.stamp) return false;
    this.seen[id] = this.stamp;
    return true;
  }

  nextList(): void {
    this.stamp++;
  }
}

/**
 * The stored article most similar to a text, if its similarity reaches the threshold: the
 * articles that share a band key with it (an index lookup), compared exactly on their shingles.
 * Of two equally similar articles, the one stored first (lower id) is named.
 */
export function nearestStored(st: FingerprintStatements, fp: Fingerprint, cache: TextCache): (Resemblance & { id: number }) | null {
  if (!fp.keys.length) return null;
  let best: { id: number; similarity: number } | null = null;
  const keys = JSON.stringify(fp.keys);
  const consider = (id: number, hash: string) => {
    let s = cache.shingles(hash);
    if (!s) {
      const a = st.body.get(id);
      if (!a) return;
      cache.setShingles(hash, (s = sortedShingles(shingles(a.body))));
    }
    const similarity = jaccardSorted(fp.sorted, s);
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity || (similarity === best.similarity && id < best.id))) best = { id, similarity };
  };
  if (cache.idsTrusted) {
    cache.nextList();
    for (const id of st.candidateIds.all(keys)) {
      if (!cache.first(id)) continue;
      let hash = cache.hash(id);
      if (hash === undefined) {
        hash = st.hashOf.get(id);
        if (hash === undefined) continue;
        cache.learn(id, hash);
      }
      consider(id, hash);
    }
  } else {
    for (const [id, hash] of st.candidates.all(keys)) {
      cache.learn(id, hash);
      consider(id, hash);
    }
  }
  const found = best as { id: number; similarity: number } | null;
  if (!found) return null;
  const a = st.label.get(found.id);
  return a ? { id: found.id, slug: a.slug, title: a.title, similarity: found.similarity } : null;
}
