-- Words per passage, stored by every write that sets a quote, so that passages.csv reads them
-- instead of recounting every quote at export time. Rows written before this migration have
-- NULL until `npm run db:setup` counts them (lib/writes/passage-words.ts).
-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "words" INTEGER;
