-- Coding status per article: theme metrics count only coded and reviewed articles, so an
-- article that nobody has tagged yet no longer reads as "0% of every theme".
-- Date basis: whether the date is stated by the text or inferred by an editor.
ALTER TABLE "Article" ADD COLUMN "codingStatus" TEXT NOT NULL DEFAULT 'uncoded';
ALTER TABLE "Article" ADD COLUMN "dateBasis" TEXT;

-- Existing databases: an article that already carries passages was treated as coded before
-- this migration, so it stays in the numbers; one without passages becomes "uncoded".
-- Known dates were taken as stated; the seed corrects the ones its files mark as inferred.
UPDATE "Article" SET "codingStatus" = 'coded' WHERE EXISTS (SELECT 1 FROM "Annotation" p WHERE p."articleId" = "Article"."id");
UPDATE "Article" SET "dateBasis" = 'stated' WHERE "datePrecision" != 'unknown';

CREATE INDEX "Article_codingStatus_idx" ON "Article"("codingStatus");
