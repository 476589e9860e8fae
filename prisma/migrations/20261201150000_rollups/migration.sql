-- Aggregates that do not grow with the corpus (issue: Scale). Two tables, kept in step by the
-- triggers below inside the same transaction as every write to "Article", "ArticleTheme" and
-- "ArticleCoding" -- seed, import, tagging, adjudication, metadata edits, codebook changes, and
-- raw inserts by the benchmark alike -- so no write path has to remember them:
--   "ThemeFact": one row per "ArticleTheme" row (article x theme x coding) with the article's
--     attributes copied in: a narrow table that filters the rollup cannot serve (organizations
--     mentioned, date ranges that cut a month) read through its indexes, never the article join.
--   "ThemeRollup": the sums of "ThemeFact" per (coding, theme, month, date precision, date basis,
--     coding status, source, publisher): articles, words, tagged words, passages, articles with
--     the theme, and the sums of squares and cross products the 95% intervals need. Timelines
--     roll months up to quarters and years; by-source and the summary sum the same rows.
-- Neither table is in schema.prisma (they are written only by these triggers); reads go through
-- $queryRaw in lib/queries/rollup.ts, and lib/db/rollup.ts recomputes both for `npm run db:check`.
-- month is year * 12 + (month - 1) of "dateStart" (-1 when the date is unknown); basis is ''
-- for an unknown date; status is the consensus's "Article"."codingStatus" or the coder's
-- "ArticleCoding".status ('' while the coder has no coding row); "publisherId" 0 is none.
CREATE TABLE "ThemeFact" (
  "articleId" INTEGER NOT NULL,
  "themeId" INTEGER NOT NULL,
  coder TEXT NOT NULL,
  month INTEGER NOT NULL,
  "dateStart" TEXT,
  "dateEnd" TEXT,
  precision TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  "sourceId" INTEGER NOT NULL,
  "publisherId" INTEGER NOT NULL,
  words INTEGER NOT NULL,
  tagged INTEGER NOT NULL,
  passages INTEGER NOT NULL,
  PRIMARY KEY ("articleId", coder, "themeId")
) WITHOUT ROWID;
CREATE INDEX "ThemeFact_coder_date" ON "ThemeFact" (coder, "dateStart");
-- The timeline names the articles of inferred date on its points: a small partial index that
-- holds every column those reads filter on, so a bucket's rows are read from the index alone.
CREATE INDEX "ThemeFact_inferred" ON "ThemeFact" (coder, "themeId", "dateStart", status, precision, "sourceId", "publisherId", "dateEnd") WHERE basis = 'inferred';

CREATE TABLE "ThemeRollup" (
  coder TEXT NOT NULL,
  "themeId" INTEGER NOT NULL,
  month INTEGER NOT NULL,
  precision TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  "sourceId" INTEGER NOT NULL,
  "publisherId" INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  words INTEGER NOT NULL,
  tagged INTEGER NOT NULL,
  passages INTEGER NOT NULL,
  "withTheme" INTEGER NOT NULL,
  tt INTEGER NOT NULL,
  tw INTEGER NOT NULL,
  ww INTEGER NOT NULL,
  PRIMARY KEY (coder, "themeId", month, precision, basis, status, "sourceId", "publisherId")
) WITHOUT ROWID;

-- Layer 2: every fact row added, removed or changed moves the sums of its rollup row.
CREATE TRIGGER "ThemeFact_rollup_insert" AFTER INSERT ON "ThemeFact" BEGIN
  INSERT INTO "ThemeRollup" (coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."themeId", new.month, new.precision, new.basis, new.status, new."sourceId", new."publisherId",
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "themeId", month, precision, basis, status, "sourceId", "publisherId") DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ThemeFact_rollup_delete" AFTER DELETE ON "ThemeFact" BEGIN
  UPDATE "ThemeRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId";
  DELETE FROM "ThemeRollup" WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId" AND articles = 0;
END;
CREATE TRIGGER "ThemeFact_rollup_update" AFTER UPDATE ON "ThemeFact" BEGIN
  UPDATE "ThemeRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId";
  DELETE FROM "ThemeRollup" WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId" AND articles = 0;
  INSERT INTO "ThemeRollup" (coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."themeId", new.month, new.precision, new.basis, new.status, new."sourceId", new."publisherId",
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "themeId", month, precision, basis, status, "sourceId", "publisherId") DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;

-- Layer 1: the facts follow the per-theme totals, the articles and the coders' statuses.
CREATE TRIGGER "ArticleTheme_fact_insert" AFTER INSERT ON "ArticleTheme" BEGIN
  INSERT INTO "ThemeFact" ("articleId", "themeId", coder, month, "dateStart", "dateEnd", precision, basis, status, "sourceId", "publisherId", words, tagged, passages)
  SELECT new."articleId", new."themeId", new.coder, CASE WHEN a."dateStart" IS NULL THEN -1 ELSE CAST(substr(a."dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr(a."dateStart", 6, 2) AS INTEGER) - 1 END, a."dateStart", a."dateEnd", a."datePrecision",
    COALESCE(a."dateBasis", ''), CASE WHEN new.coder = 'consensus' THEN a."codingStatus" ELSE COALESCE(k.status, '') END,
    a."sourceId", COALESCE(a."publisherId", 0), a."wordCount", new."taggedWords", new.passages
  FROM "Article" a LEFT JOIN "ArticleCoding" k ON k."articleId" = a.id AND k.coder = new.coder
  WHERE a.id = new."articleId";
END;
CREATE TRIGGER "ArticleTheme_fact_update" AFTER UPDATE ON "ArticleTheme" BEGIN
  DELETE FROM "ThemeFact" WHERE "articleId" = old."articleId" AND coder = old.coder AND "themeId" = old."themeId";
  INSERT INTO "ThemeFact" ("articleId", "themeId", coder, month, "dateStart", "dateEnd", precision, basis, status, "sourceId", "publisherId", words, tagged, passages)
  SELECT new."articleId", new."themeId", new.coder, CASE WHEN a."dateStart" IS NULL THEN -1 ELSE CAST(substr(a."dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr(a."dateStart", 6, 2) AS INTEGER) - 1 END, a."dateStart", a."dateEnd", a."datePrecision",
    COALESCE(a."dateBasis", ''), CASE WHEN new.coder = 'consensus' THEN a."codingStatus" ELSE COALESCE(k.status, '') END,
    a."sourceId", COALESCE(a."publisherId", 0), a."wordCount", new."taggedWords", new.passages
  FROM "Article" a LEFT JOIN "ArticleCoding" k ON k."articleId" = a.id AND k.coder = new.coder
  WHERE a.id = new."articleId";
END;
CREATE TRIGGER "ArticleTheme_fact_delete" AFTER DELETE ON "ArticleTheme" BEGIN
  DELETE FROM "ThemeFact" WHERE "articleId" = old."articleId" AND coder = old.coder AND "themeId" = old."themeId";
END;

CREATE TRIGGER "Article_fact_update" AFTER UPDATE OF "dateStart", "dateEnd", "datePrecision", "dateBasis", "codingStatus", "sourceId", "publisherId", "wordCount" ON "Article"
WHEN old."dateStart" IS NOT new."dateStart" OR old."dateEnd" IS NOT new."dateEnd" OR old."datePrecision" IS NOT new."datePrecision" OR old."dateBasis" IS NOT new."dateBasis" OR old."codingStatus" IS NOT new."codingStatus" OR old."sourceId" IS NOT new."sourceId" OR old."publisherId" IS NOT new."publisherId" OR old."wordCount" IS NOT new."wordCount"
BEGIN
  DELETE FROM "ThemeFact" WHERE "articleId" = old.id;
  INSERT INTO "ThemeFact" ("articleId", "themeId", coder, month, "dateStart", "dateEnd", precision, basis, status, "sourceId", "publisherId", words, tagged, passages)
  SELECT s."articleId", s."themeId", s.coder, CASE WHEN a."dateStart" IS NULL THEN -1 ELSE CAST(substr(a."dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr(a."dateStart", 6, 2) AS INTEGER) - 1 END, a."dateStart", a."dateEnd", a."datePrecision",
    COALESCE(a."dateBasis", ''), CASE WHEN s.coder = 'consensus' THEN a."codingStatus" ELSE COALESCE(k.status, '') END,
    a."sourceId", COALESCE(a."publisherId", 0), a."wordCount", s."taggedWords", s.passages
  FROM "ArticleTheme" s JOIN "Article" a ON a.id = s."articleId"
  LEFT JOIN "ArticleCoding" k ON k."articleId" = s."articleId" AND k.coder = s.coder
  WHERE s."articleId" = new.id;
END;
-- Before the article goes: its per-theme rows go after it (ON DELETE CASCADE) and find no facts left.
CREATE TRIGGER "Article_fact_delete" BEFORE DELETE ON "Article" BEGIN
  DELETE FROM "ThemeFact" WHERE "articleId" = old.id;
END;

CREATE TRIGGER "ArticleCoding_fact_insert" AFTER INSERT ON "ArticleCoding" WHEN new.coder != 'consensus' BEGIN
  UPDATE "ThemeFact" SET status = new.status WHERE "articleId" = new."articleId" AND coder = new.coder;
END;
CREATE TRIGGER "ArticleCoding_fact_update" AFTER UPDATE OF "articleId", coder, status ON "ArticleCoding" BEGIN
  UPDATE "ThemeFact" SET status = '' WHERE "articleId" = old."articleId" AND coder = old.coder AND coder != 'consensus'
    AND (old."articleId" != new."articleId" OR old.coder != new.coder);
  UPDATE "ThemeFact" SET status = new.status WHERE "articleId" = new."articleId" AND coder = new.coder AND coder != 'consensus' AND status != new.status;
END;
CREATE TRIGGER "ArticleCoding_fact_delete" AFTER DELETE ON "ArticleCoding" WHEN old.coder != 'consensus' BEGIN
  UPDATE "ThemeFact" SET status = '' WHERE "articleId" = old."articleId" AND coder = old.coder;
END;

-- What the database holds already is counted once here.
INSERT INTO "ThemeFact" ("articleId", "themeId", coder, month, "dateStart", "dateEnd", precision, basis, status, "sourceId", "publisherId", words, tagged, passages)
SELECT s."articleId", s."themeId", s.coder, CASE WHEN a."dateStart" IS NULL THEN -1 ELSE CAST(substr(a."dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr(a."dateStart", 6, 2) AS INTEGER) - 1 END, a."dateStart", a."dateEnd", a."datePrecision",
    COALESCE(a."dateBasis", ''), CASE WHEN s.coder = 'consensus' THEN a."codingStatus" ELSE COALESCE(k.status, '') END,
    a."sourceId", COALESCE(a."publisherId", 0), a."wordCount", s."taggedWords", s.passages
FROM "ArticleTheme" s JOIN "Article" a ON a.id = s."articleId"
LEFT JOIN "ArticleCoding" k ON k."articleId" = s."articleId" AND k.coder = s.coder;

-- Coarser sums for the views that filter by no organization: the same sums without source and
-- publisher (a timeline of the whole corpus reads a few thousand rows, not hundreds of thousands),
-- and per source without the month (the by-source chart of all dates).
CREATE TABLE "MonthRollup" (
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
  PRIMARY KEY (coder, "themeId", month, precision, basis, status)
) WITHOUT ROWID;
CREATE TRIGGER "ThemeFact_MonthRollup_insert" AFTER INSERT ON "ThemeFact" BEGIN
  INSERT INTO "MonthRollup" (coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."themeId", new.month, new.precision, new.basis, new.status,
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ThemeFact_MonthRollup_delete" AFTER DELETE ON "ThemeFact" BEGIN
  UPDATE "MonthRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status;
  DELETE FROM "MonthRollup" WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND articles = 0;
END;
CREATE TRIGGER "ThemeFact_MonthRollup_update" AFTER UPDATE ON "ThemeFact" BEGIN
  UPDATE "MonthRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status;
  DELETE FROM "MonthRollup" WHERE coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND articles = 0;
  INSERT INTO "MonthRollup" (coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."themeId", new.month, new.precision, new.basis, new.status,
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "themeId", month, precision, basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
INSERT INTO "MonthRollup" (coder, "themeId", month, precision, basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
SELECT coder, "themeId", month, precision, basis, status, COUNT(*), SUM(words), SUM(tagged), SUM(passages), SUM(passages > 0), SUM(tagged * tagged), SUM(tagged * words), SUM(words * words)
FROM "ThemeFact" GROUP BY coder, "themeId", month, precision, basis, status;


CREATE TABLE "SourceRollup" (
  coder TEXT NOT NULL,
  "themeId" INTEGER NOT NULL,
  "sourceId" INTEGER NOT NULL,
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
  PRIMARY KEY (coder, "themeId", "sourceId", basis, status)
) WITHOUT ROWID;
CREATE TRIGGER "ThemeFact_SourceRollup_insert" AFTER INSERT ON "ThemeFact" BEGIN
  INSERT INTO "SourceRollup" (coder, "themeId", "sourceId", basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."themeId", new."sourceId", new.basis, new.status,
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "themeId", "sourceId", basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ThemeFact_SourceRollup_delete" AFTER DELETE ON "ThemeFact" BEGIN
  UPDATE "SourceRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "themeId" = old."themeId" AND "sourceId" = old."sourceId" AND basis = old.basis AND status = old.status;
  DELETE FROM "SourceRollup" WHERE coder = old.coder AND "themeId" = old."themeId" AND "sourceId" = old."sourceId" AND basis = old.basis AND status = old.status AND articles = 0;
END;
CREATE TRIGGER "ThemeFact_SourceRollup_update" AFTER UPDATE ON "ThemeFact" BEGIN
  UPDATE "SourceRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE coder = old.coder AND "themeId" = old."themeId" AND "sourceId" = old."sourceId" AND basis = old.basis AND status = old.status;
  DELETE FROM "SourceRollup" WHERE coder = old.coder AND "themeId" = old."themeId" AND "sourceId" = old."sourceId" AND basis = old.basis AND status = old.status AND articles = 0;
  INSERT INTO "SourceRollup" (coder, "themeId", "sourceId", basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
  VALUES (new.coder, new."themeId", new."sourceId", new.basis, new.status,
    1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words)
  ON CONFLICT (coder, "themeId", "sourceId", basis, status) DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
INSERT INTO "SourceRollup" (coder, "themeId", "sourceId", basis, status, articles, words, tagged, passages, "withTheme", tt, tw, ww)
SELECT coder, "themeId", "sourceId", basis, status, COUNT(*), SUM(words), SUM(tagged), SUM(passages), SUM(passages > 0), SUM(tagged * tagged), SUM(tagged * words), SUM(words * words)
FROM "ThemeFact" GROUP BY coder, "themeId", "sourceId", basis, status;

-- A view of one source or publisher reads only its rows of the full rollup.
CREATE INDEX "ThemeRollup_source" ON "ThemeRollup" (coder, "sourceId", "themeId", month);
CREATE INDEX "ThemeRollup_publisher" ON "ThemeRollup" (coder, "publisherId", "themeId", month);

-- The same sums per organization mentioned in the articles ("ArticleMention"), so a view of
-- the articles that mention one organization is as fast as one of a source. An article that
-- mentions two organizations is in both organizations' rows: a view of several mentioned
-- organizations at once cannot add them up, and reads "ThemeFact" instead.
CREATE TABLE "MentionRollup" (
  "organizationId" INTEGER NOT NULL,
  coder TEXT NOT NULL,
  "themeId" INTEGER NOT NULL,
  month INTEGER NOT NULL,
  precision TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  "sourceId" INTEGER NOT NULL,
  "publisherId" INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  words INTEGER NOT NULL,
  tagged INTEGER NOT NULL,
  passages INTEGER NOT NULL,
  "withTheme" INTEGER NOT NULL,
  tt INTEGER NOT NULL,
  tw INTEGER NOT NULL,
  ww INTEGER NOT NULL,
  PRIMARY KEY ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId")
) WITHOUT ROWID;

CREATE TRIGGER "ThemeFact_mentions_insert" AFTER INSERT ON "ThemeFact" BEGIN
  INSERT INTO "MentionRollup" ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT m."organizationId", new.coder, new."themeId", new.month, new.precision, new.basis, new.status, new."sourceId", new."publisherId", 1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words FROM "ArticleMention" m WHERE m."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId") DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ThemeFact_mentions_delete" AFTER DELETE ON "ThemeFact" BEGIN
  UPDATE "MentionRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId")
    AND coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId";
  DELETE FROM "MentionRollup" WHERE articles = 0 AND "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId")
    AND coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId";
END;
CREATE TRIGGER "ThemeFact_mentions_update" AFTER UPDATE ON "ThemeFact" BEGIN
  UPDATE "MentionRollup" SET articles = articles - 1, words = words - old.words, tagged = tagged - old.tagged, passages = passages - old.passages,
    "withTheme" = "withTheme" - (old.passages > 0), tt = tt - old.tagged * old.tagged, tw = tw - old.tagged * old.words, ww = ww - old.words * old.words
  WHERE "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId")
    AND coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId";
  DELETE FROM "MentionRollup" WHERE articles = 0 AND "organizationId" IN (SELECT m."organizationId" FROM "ArticleMention" m WHERE m."articleId" = old."articleId")
    AND coder = old.coder AND "themeId" = old."themeId" AND month = old.month AND precision = old.precision AND basis = old.basis AND status = old.status AND "sourceId" = old."sourceId" AND "publisherId" = old."publisherId";
  INSERT INTO "MentionRollup" ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT m."organizationId", new.coder, new."themeId", new.month, new.precision, new.basis, new.status, new."sourceId", new."publisherId", 1, new.words, new.tagged, new.passages, new.passages > 0, new.tagged * new.tagged, new.tagged * new.words, new.words * new.words FROM "ArticleMention" m WHERE m."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId") DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ArticleMention_rollup_insert" AFTER INSERT ON "ArticleMention" BEGIN
  INSERT INTO "MentionRollup" ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT new."organizationId", f.coder, f."themeId", f.month, f.precision, f.basis, f.status, f."sourceId", f."publisherId", 1, f.words, f.tagged, f.passages, f.passages > 0, f.tagged * f.tagged, f.tagged * f.words, f.words * f.words FROM "ThemeFact" f WHERE f."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId") DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;
CREATE TRIGGER "ArticleMention_rollup_delete" AFTER DELETE ON "ArticleMention" BEGIN
  UPDATE "MentionRollup" SET articles = "MentionRollup".articles - 1, words = "MentionRollup".words - f.words, tagged = "MentionRollup".tagged - f.tagged, passages = "MentionRollup".passages - f.passages,
    "withTheme" = "MentionRollup"."withTheme" - (f.passages > 0), tt = "MentionRollup".tt - f.tagged * f.tagged, tw = "MentionRollup".tw - f.tagged * f.words, ww = "MentionRollup".ww - f.words * f.words
  FROM "ThemeFact" f WHERE f."articleId" = old."articleId" AND "MentionRollup"."organizationId" = old."organizationId" AND "MentionRollup".coder = f.coder AND "MentionRollup"."themeId" = f."themeId" AND "MentionRollup".month = f.month AND "MentionRollup".precision = f.precision AND "MentionRollup".basis = f.basis AND "MentionRollup".status = f.status AND "MentionRollup"."sourceId" = f."sourceId" AND "MentionRollup"."publisherId" = f."publisherId";
  DELETE FROM "MentionRollup" WHERE "organizationId" = old."organizationId" AND articles = 0;
END;
CREATE TRIGGER "ArticleMention_rollup_update" AFTER UPDATE ON "ArticleMention" BEGIN
  UPDATE "MentionRollup" SET articles = "MentionRollup".articles - 1, words = "MentionRollup".words - f.words, tagged = "MentionRollup".tagged - f.tagged, passages = "MentionRollup".passages - f.passages,
    "withTheme" = "MentionRollup"."withTheme" - (f.passages > 0), tt = "MentionRollup".tt - f.tagged * f.tagged, tw = "MentionRollup".tw - f.tagged * f.words, ww = "MentionRollup".ww - f.words * f.words
  FROM "ThemeFact" f WHERE f."articleId" = old."articleId" AND "MentionRollup"."organizationId" = old."organizationId" AND "MentionRollup".coder = f.coder AND "MentionRollup"."themeId" = f."themeId" AND "MentionRollup".month = f.month AND "MentionRollup".precision = f.precision AND "MentionRollup".basis = f.basis AND "MentionRollup".status = f.status AND "MentionRollup"."sourceId" = f."sourceId" AND "MentionRollup"."publisherId" = f."publisherId";
  DELETE FROM "MentionRollup" WHERE "organizationId" = old."organizationId" AND articles = 0;
  INSERT INTO "MentionRollup" ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
  SELECT new."organizationId", f.coder, f."themeId", f.month, f.precision, f.basis, f.status, f."sourceId", f."publisherId", 1, f.words, f.tagged, f.passages, f.passages > 0, f.tagged * f.tagged, f.tagged * f.words, f.words * f.words FROM "ThemeFact" f WHERE f."articleId" = new."articleId" AND true
  ON CONFLICT ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId") DO UPDATE SET articles = articles + 1, words = words + excluded.words, tagged = tagged + excluded.tagged,
    passages = passages + excluded.passages, "withTheme" = "withTheme" + excluded."withTheme", tt = tt + excluded.tt, tw = tw + excluded.tw, ww = ww + excluded.ww;
END;

INSERT INTO "MentionRollup" ("organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", articles, words, tagged, passages, "withTheme", tt, tw, ww)
SELECT m."organizationId", coder, "themeId", month, precision, basis, status, "sourceId", "publisherId", COUNT(*), SUM(words), SUM(tagged), SUM(passages), SUM(passages > 0), SUM(tagged * tagged), SUM(tagged * words), SUM(words * words)
FROM "ThemeFact" f JOIN "ArticleMention" m ON m."articleId" = f."articleId"
GROUP BY m."organizationId", f.coder, f."themeId", f.month, f.precision, f.basis, f.status, f."sourceId", f."publisherId";

-- What the filter controls offer (themes, organizations with their counts, coders, the codebook
-- version) changes only when one of these tables does; the app keeps the catalog in memory and
-- reads this one number per request to know whether it is still current, across processes too
-- (an import from the command line while the server runs).
CREATE TABLE "CatalogVersion" (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO "CatalogVersion" (id, n) VALUES (1, 0);
CREATE TRIGGER "Catalog_article_insert" AFTER INSERT ON "Article" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_article_delete" AFTER DELETE ON "Article" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_article_orgs" AFTER UPDATE OF "sourceId", "publisherId" ON "Article" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_mention_insert" AFTER INSERT ON "ArticleMention" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_mention_delete" AFTER DELETE ON "ArticleMention" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_mention_update" AFTER UPDATE ON "ArticleMention" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_org_insert" AFTER INSERT ON "Organization" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_org_delete" AFTER DELETE ON "Organization" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_org_update" AFTER UPDATE ON "Organization" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_theme_insert" AFTER INSERT ON "Theme" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_theme_delete" AFTER DELETE ON "Theme" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_theme_update" AFTER UPDATE ON "Theme" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_codebook_insert" AFTER INSERT ON "Codebook" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_codebook_update" AFTER UPDATE ON "Codebook" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_coding_insert" AFTER INSERT ON "ArticleCoding" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
CREATE TRIGGER "Catalog_coding_delete" AFTER DELETE ON "ArticleCoding" BEGIN UPDATE "CatalogVersion" SET n = n + 1; END;
