-- Narrower sums for the views that the full rollup served slowly (issue: Scale; see
-- 20261201150000_rollups for the tables and conventions these follow):
--   "SourceMonthRollup": per (coding, source, theme, month, precision, basis, status), without the
--     publisher, keyed by source first: a view of one source (or a few) reads its rows in key
--     order, where "ThemeRollup" had to look every row up through an index and sum across
--     publishers. It also serves by-source with a date range.
--   "MentionMonthRollup": per organization mentioned, without source and publisher, for the
--     timeline and summary of one mentioned organization ("MentionRollup", which keeps source and
--     publisher, still serves by-source of one); a tenth of its rows.
-- Both are kept by triggers in the same transaction as every write, as the others are.
CREATE TABLE "SourceMonthRollup" (
  coder TEXT NOT NULL,
  "sourceId" INTEGER NOT NULL,
  "themeId" INTEGER NOT NULL,
  month INTEGER NOT NULL,
  precision TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  articles INTEGER NOT NULL,
  words INTEGER NOT NULL,
  tagged INTEGER NOT NULL,
  passages INTEGER NOT NULL,
  "withTheme" INTEGER NOT NULL,
  tt INTEGER NOT NULL,
  tw INTEGER NOT NULL,
  ww INTEGER NOT NULL,
  PRIMARY KEY (coder, "sourceId", "themeId", month, precision, basis, status)
) WITHOUT ROWID;
CREATE TRIGGER "ThemeFact_SourceMonthRollup_insert" AFTER INSERT ON "ThemeFact" BEGIN
  INSERT INTO "SourceMonthRollup" (coder, "sourceId", "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."sourceId", new."themeId", new.month, new.precision, new.basis, new.status,
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "sourceId", "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ThemeFact_SourceMonthRollup_delete" AFTER DELETE ON "ThemeFact" BEGIN
  UPDATE "SourceMonthRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "sourceId" = old."sourceId" AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status;
  DELETE FROM "SourceMonthRollup" WHERE coder = old.coder AND "sourceId" = old."sourceId" AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND articles = 0;
END;
CREATE TRIGGER "ThemeFact_SourceMonthRollup_update" AFTER UPDATE ON "ThemeFact" BEGIN
  UPDATE "SourceMonthRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "sourceId" = old."sourceId" AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status;
  DELETE FROM "SourceMonthRollup" WHERE coder = old.coder AND "sourceId" = old."sourceId" AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND articles = 0;
  INSERT INTO "SourceMonthRollup" (coder, "sourceId", "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."sourceId", new."themeId", new.month, new.precision, new.basis, new.status,
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "sourceId", "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
INSERT INTO "SourceMonthRollup" (coder, "sourceId", "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
SELECT coder, "sourceId", "themeId", month, precision, basis, status, COUNT(*), SUM(words), SUM(tagged), SUM(passages), SUM(passages > 0), SUM(tagged * tagged), SUM(tagged * words), SUM(words * words)
FROM "ThemeFact" GROUP BY coder, "sourceId", "themeId", month, precision, basis, status;

-- "ThemeRollup" now serves only views of one publisher; its source index is replaced by the table above.
DROP INDEX "ThemeRollup_source";

CREATE TABLE "MentionMonthRollup" (
  "organizationId" INTEGER NOT NULL,
  coder TEXT NOT NULL,
  "themeId" INTEGER NOT NULL,
  month INTEGER NOT NULL,
  precision TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  articles INTEGER NOT NULL,
  words INTEGER NOT NULL,
  tagged INTEGER NOT NULL,
  passages INTEGER NOT NULL,
  "withTheme" INTEGER NOT NULL,
  tt INTEGER NOT NULL,
  tw INTEGER NOT NULL,
  ww INTEGER NOT NULL,
  PRIMARY KEY ("organizationId", coder, "themeId", month, precision, basis, status)
) WITHOUT ROWID;
CREATE TRIGGER "ThemeFact_MentionMonthRollup_insert" AFTER INSERT ON "ThemeFact" BEGIN
  INSERT INTO "MentionMonthRollup" ("organizationId", coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT m."organizationId", new.coder, new."themeId", new.month, new.precision, new.basis, new.status, 1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words
  FROM "ArticleMention" m WHERE m."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ThemeFact_MentionMonthRollup_delete" AFTER DELETE ON "ThemeFact" BEGIN
  UPDATE "MentionMonthRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId") AND "MentionMonthRollup".coder = old.coder AND "MentionMonthRollup"."themeId" = old."themeId" AND "MentionMonthRollup".month = old.month AND "MentionMonthRollup".precision = old.precision AND "MentionMonthRollup".basis = old.basis AND "MentionMonthRollup".status = old.status;
  DELETE FROM "MentionMonthRollup" WHERE articles = 0 AND "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId") AND "MentionMonthRollup".coder = old.coder AND "MentionMonthRollup"."themeId" = old."themeId" AND "MentionMonthRollup".month = old.month AND "MentionMonthRollup".precision = old.precision AND "MentionMonthRollup".basis = old.basis AND "MentionMonthRollup".status = old.status;
END;
CREATE TRIGGER "ThemeFact_MentionMonthRollup_update" AFTER UPDATE ON "ThemeFact" BEGIN
  UPDATE "MentionMonthRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId") AND "MentionMonthRollup".coder = old.coder AND "MentionMonthRollup"."themeId" = old."themeId" AND "MentionMonthRollup".month = old.month AND "MentionMonthRollup".precision = old.precision AND "MentionMonthRollup".basis = old.basis AND "MentionMonthRollup".status = old.status;
  DELETE FROM "MentionMonthRollup" WHERE articles = 0 AND "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId") AND "MentionMonthRollup".coder = old.coder AND "MentionMonthRollup"."themeId" = old."themeId" AND "MentionMonthRollup".month = old.month AND "MentionMonthRollup".precision = old.precision AND "MentionMonthRollup".basis = old.basis AND "MentionMonthRollup".status = old.status;
  INSERT INTO "MentionMonthRollup" ("organizationId", coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT m."organizationId", new.coder, new."themeId", new.month, new.precision, new.basis, new.status, 1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words
  FROM "ArticleMention" m WHERE m."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ArticleMention_MentionMonthRollup_insert" AFTER INSERT ON "ArticleMention" BEGIN
  INSERT INTO "MentionMonthRollup" ("organizationId", coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT new."organizationId", f.coder, f."themeId", f.month, f.precision, f.basis, f.status, 1, f.words, f.tagged, f.passages, f.passages > 0, f.tagged * f.tagged, f.tagged * f.words, f.words * f.words
  FROM "ThemeFact" f WHERE f."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ArticleMention_MentionMonthRollup_delete" AFTER DELETE ON "ArticleMention" BEGIN
  UPDATE "MentionMonthRollup" SET articles = "MentionMonthRollup".articles - 1, words = "MentionMonthRollup".words - f.words, tagged = "MentionMonthRollup".tagged - f.tagged, passages = "MentionMonthRollup".passages - f.passages,
    "withTheme" = "MentionMonthRollup"."withTheme" - (f.passages > 0), tt = "MentionMonthRollup".tt - f.tagged * f.tagged, tw = "MentionMonthRollup".tw - f.tagged * f.words, ww = "MentionMonthRollup".ww - f.words * f.words
  FROM "ThemeFact" f WHERE f."articleId" = old."articleId" AND "MentionMonthRollup"."organizationId" = old."organizationId" AND "MentionMonthRollup".coder = f.coder AND "MentionMonthRollup"."themeId" = f."themeId" AND "MentionMonthRollup".month = f.month AND "MentionMonthRollup".precision = f.precision AND "MentionMonthRollup".basis = f.basis AND "MentionMonthRollup".status = f.status;
  DELETE FROM "MentionMonthRollup" WHERE "organizationId" = old."organizationId" AND articles = 0;
END;
CREATE TRIGGER "ArticleMention_MentionMonthRollup_update" AFTER UPDATE ON "ArticleMention" BEGIN
  UPDATE "MentionMonthRollup" SET articles = "MentionMonthRollup".articles - 1, words = "MentionMonthRollup".words - f.words, tagged = "MentionMonthRollup".tagged - f.tagged, passages = "MentionMonthRollup".passages - f.passages,
    "withTheme" = "MentionMonthRollup"."withTheme" - (f.passages > 0), tt = "MentionMonthRollup".tt - f.tagged * f.tagged, tw = "MentionMonthRollup".tw - f.tagged * f.words, ww = "MentionMonthRollup".ww - f.words * f.words
  FROM "ThemeFact" f WHERE f."articleId" = old."articleId" AND "MentionMonthRollup"."organizationId" = old."organizationId" AND "MentionMonthRollup".coder = f.coder AND "MentionMonthRollup"."themeId" = f."themeId" AND "MentionMonthRollup".month = f.month AND "MentionMonthRollup".precision = f.precision AND "MentionMonthRollup".basis = f.basis AND "MentionMonthRollup".status = f.status;
  DELETE FROM "MentionMonthRollup" WHERE "organizationId" = old."organizationId" AND articles = 0;
  INSERT INTO "MentionMonthRollup" ("organizationId", coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT new."organizationId", f.coder, f."themeId", f.month, f.precision, f.basis, f.status, 1, f.words, f.tagged, f.passages, f.passages > 0, f.tagged * f.tagged, f.tagged * f.words, f.words * f.words
  FROM "ThemeFact" f WHERE f."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
INSERT INTO "MentionMonthRollup" ("organizationId", coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
SELECT "organizationId", coder, "themeId", month, precision, basis, status, SUM(articles), SUM(words), SUM(tagged), SUM(passages), SUM("withTheme"), SUM(tt), SUM(tw), SUM(ww)
FROM "MentionRollup" GROUP BY "organizationId", coder, "themeId", month, precision, basis, status;

-- The days of a month that a date range cuts are summed from "ThemeFact" by date: an index that
-- holds every column those reads filter on and sum, so they never look a row up in the table.
DROP INDEX "ThemeFact_coder_date";
CREATE INDEX "ThemeFact_coder_date" ON "ThemeFact" (coder, "dateStart", precision, status, "themeId", "sourceId", "publisherId", basis, "dateEnd", month, words, tagged, passages);

-- The articles that mention an organization (a view of several mentioned at once, the names of
-- the articles of inferred date in a view of one) come from this index alone; the index on the
-- organization only had to look every article id up in the table.
DROP INDEX "ArticleMention_organizationId_idx";
CREATE INDEX "ArticleMention_organizationId_articleId_idx" ON "ArticleMention" ("organizationId", "articleId");

-- The names of the first articles of inferred date on each timeline point: partial indexes in
-- (date, article) order, so a bucket's read stops at its first few matching rows instead of
-- sorting every inferred article of the bucket; one led by the source and one by the
-- publisher, so a view of one organization seeks straight to its own rows. Only the articles
-- of inferred date (a few %) are in them.
DROP INDEX "ThemeFact_inferred";
CREATE INDEX "ThemeFact_inferred" ON "ThemeFact" (coder, "themeId", "dateStart", "articleId", status, precision, "sourceId", "publisherId", "dateEnd") WHERE basis = 'inferred';
CREATE INDEX "ThemeFact_inferred_source" ON "ThemeFact" (coder, "sourceId", "themeId", "dateStart", "articleId", status, precision, "dateEnd") WHERE basis = 'inferred';
CREATE INDEX "ThemeFact_inferred_publisher" ON "ThemeFact" (coder, "publisherId", "themeId", "dateStart", "articleId", status, precision, "dateEnd") WHERE basis = 'inferred';
