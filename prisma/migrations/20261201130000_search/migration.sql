-- Full-text search over article bodies (SQLite FTS5), for the search page and its exports.
-- Two external-content indexes over "Article".body, kept in step by the triggers below, so
-- the text is stored once (in "Article") and every write path (seed, import, tests) indexes
-- without knowing about search:
--   "ArticleSearch": words, Porter-stemmed (English: "reforms" finds "reform", "reforming"),
--     case and diacritics folded; phrases, prefixes (innovat*), AND / OR / NOT, NEAR.
--   "ArticleSearchTrigram": every three-character substring, for Chinese and Japanese text,
--     which has no spaces between words for the word tokenizer to split on.
-- Neither table is in schema.prisma (Prisma has no model for virtual tables); reads go
-- through $queryRaw in lib/queries/search.ts.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
  body, content='Article', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE "ArticleSearchTrigram" USING fts5(
  body, content='Article', content_rowid='id', tokenize='trigram'
);

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "ArticleSearch"(rowid, body) VALUES (new.id, new.body);
  INSERT INTO "ArticleSearchTrigram"(rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
  INSERT INTO "ArticleSearch"("ArticleSearch", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "ArticleSearchTrigram"("ArticleSearchTrigram", rowid, body) VALUES ('delete', old.id, old.body);
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF body ON "Article" BEGIN
  INSERT INTO "ArticleSearch"("ArticleSearch", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "ArticleSearchTrigram"("ArticleSearchTrigram", rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO "ArticleSearch"(rowid, body) VALUES (new.id, new.body);
  INSERT INTO "ArticleSearchTrigram"(rowid, body) VALUES (new.id, new.body);
END;

-- Articles already in the database are indexed once here.
INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');
INSERT INTO "ArticleSearchTrigram"("ArticleSearchTrigram") VALUES ('rebuild');
