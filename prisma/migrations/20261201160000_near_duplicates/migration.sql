-- Near-duplicate lookups (lib/corpus/near-duplicates.ts): the MinHash band keys of every
-- article's 5-word shingles, so that an import finds the stored texts that may be almost the
-- same as a new one through the index (16 lookups) instead of comparing it with every article.
-- "ArticleFingerprint" marks the articles whose keys are stored (a text too short for a shingle
-- has none); articles stored by other ways in (the seed, a REFI-QDA project) are fingerprinted
-- by the next import, which fills in whatever is missing.
CREATE TABLE "ArticleFingerprint" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "shingles" INTEGER NOT NULL,
    CONSTRAINT "ArticleFingerprint_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ArticleShingleBand" (
    "key" BIGINT NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "articleId"),
    CONSTRAINT "ArticleShingleBand_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "ArticleFingerprint" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ArticleShingleBand_articleId_idx" ON "ArticleShingleBand"("articleId");
