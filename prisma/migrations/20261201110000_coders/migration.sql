-- Several coders per article. Every passage belongs to a coding: a coder's, or the consensus
-- (what the charts show by default). Existing passages become the consensus and, copied, the
-- coding of the person who made them, so every number stays as it was.
ALTER TABLE "Annotation" ADD COLUMN "coder" TEXT NOT NULL DEFAULT 'consensus';
INSERT INTO "Annotation" ("articleId", "themeId", "start", "end", "quote", "coder", "annotator", "note")
  SELECT "articleId", "themeId", "start", "end", "quote", "annotator", "annotator", "note" FROM "Annotation" WHERE "coder" = 'consensus';
DROP INDEX IF EXISTS "Annotation_articleId_themeId_idx";
CREATE INDEX "Annotation_articleId_coder_themeId_idx" ON "Annotation"("articleId", "coder", "themeId");

CREATE TABLE "ArticleCoding" (
    "articleId" INTEGER NOT NULL,
    "coder" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "coder"),
    CONSTRAINT "ArticleCoding_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ArticleCoding_coder_idx" ON "ArticleCoding"("coder");
INSERT INTO "ArticleCoding" ("articleId", "coder", "status", "updatedAt")
  SELECT DISTINCT p."articleId", p."coder", a."codingStatus", '2026-12-01T00:00:00.000Z'
  FROM "Annotation" p JOIN "Article" a ON a."id" = p."articleId" WHERE p."coder" != 'consensus';

CREATE TABLE "Adjudication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "theme" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "coderA" TEXT NOT NULL,
    "coderB" TEXT NOT NULL,
    "fromPassages" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "adjudicator" TEXT NOT NULL,
    "reason" TEXT,
    "at" TEXT NOT NULL,
    CONSTRAINT "Adjudication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Adjudication_articleId_idx" ON "Adjudication"("articleId");

CREATE TABLE "AnnotationEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "annotationId" INTEGER,
    "coder" TEXT NOT NULL,
    "who" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "undoes" INTEGER,
    CONSTRAINT "AnnotationEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "AnnotationEvent_articleId_id_idx" ON "AnnotationEvent"("articleId", "id");

-- Per-theme totals per coding. SQLite cannot change a primary key in place: rebuild the table.
-- The coders' own totals are filled in by `npm run db:setup` (fillMissingThemeRows).
CREATE TABLE "new_ArticleTheme" (
    "articleId" INTEGER NOT NULL,
    "themeId" INTEGER NOT NULL,
    "coder" TEXT NOT NULL DEFAULT 'consensus',
    "taggedWords" INTEGER NOT NULL,
    "passages" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "themeId", "coder"),
    CONSTRAINT "ArticleTheme_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ArticleTheme" ("articleId", "themeId", "coder", "taggedWords", "passages")
  SELECT "articleId", "themeId", 'consensus', "taggedWords", "passages" FROM "ArticleTheme";
DROP TABLE "ArticleTheme";
ALTER TABLE "new_ArticleTheme" RENAME TO "ArticleTheme";
CREATE INDEX "ArticleTheme_themeId_idx" ON "ArticleTheme"("themeId");
CREATE INDEX "ArticleTheme_coder_themeId_idx" ON "ArticleTheme"("coder", "themeId");
