-- Near-duplicate lookups (lib/corpus/near-duplicates.ts): the MinHash band keys of every
-- article's 5-word shingles, so that an import finds the stored texts that may be almost the
-- same as a new one through the index (16 lookups) instead of comparing it with every article.
-- "ArticleFingerprint" marks the articles whose keys are stored, with the hash of the text they
-- were made from; articles stored by other ways in (the seed, a REFI-QDA project) or whose text
-- was changed since (a seed re-sync, an edit) are fingerprinted again by the next import.
CREATE TABLE "ArticleFingerprint" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "shingles" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    CONSTRAINT "ArticleFingerprint_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ArticleShingleBand" (
    "key" BIGINT NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("key", "articleId"),
    CONSTRAINT "ArticleShingleBand_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "ArticleFingerprint" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ArticleShingleBand_articleId_idx" ON "ArticleShingleBand"("articleId");
