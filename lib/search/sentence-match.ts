// Which sentences of a text a search query matches, with the very tokenizers of the search
// indexes (migration 20261201130000_search): the sentences go into a throwaway in-memory FTS5
// table, one row each, and SQLite answers the MATCH. So "all these words in one sentence" is
// FTS5's own AND over a sentence, and a word matches here exactly when /search would find it
// (Porter stemming, case and accents folded; trigrams for CJK). Nothing touches the app's database.
import Database from "better-sqlite3";
import type { Span } from "../measure/words";
import type { SearchIndex } from "./query";

/** The tokenizers of "ArticleSearch" and "ArticleSearchTrigram": keep them the same as the migration's. */
export const TOKENIZERS: Record<SearchIndex, string> = {
  words: "porter unicode61 remove_diacritics 2",
  trigram: "trigram",
};

export type SentenceQuery = { query: string; index: SearchIndex };

/**
 * For each query, the indexes (into `sentences`) of the sentences it matches, in order.
 * A query FTS5 cannot parse matches nothing (the cues are the codebook's, not user input).
 */
export function matchSentences(text: string, sentences: readonly Span[], queries: readonly SentenceQuery[]): number[][] {
  const db = new Database(":memory:");
  try {
    for (const [index, tokenize] of Object.entries(TOKENIZERS)) {
      db.exec(`CREATE VIRTUAL TABLE "s_${index}" USING fts5(body, tokenize='${tokenize}')`);
      const insert = db.prepare(`INSERT INTO "s_${index}"(rowid, body) VALUES (?, ?)`);
      db.transaction(() => sentences.forEach((s, i) => insert.run(i, text.slice(s.start, s.end))))();
    }
    const statements = new Map(Object.keys(TOKENIZERS).map((index) => [index, db.prepare(`SELECT rowid AS i FROM "s_${index}" WHERE "s_${index}" MATCH ? ORDER BY rowid`)]));
    return queries.map((q) => {
      try {
        return (statements.get(q.index)!.all(q.query) as { i: number }[]).map((r) => Number(r.i));
      } catch {
        return [];
      }
    });
  } finally {
    db.close();
  }
}
