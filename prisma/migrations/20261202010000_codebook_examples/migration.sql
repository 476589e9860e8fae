-- The codebook's example passages (lib/queries/articles.ts getThemeExamples): a theme's
-- consensus passages in order of how far their length is from 160 characters. With this index
-- the first few are read directly; without it, every passage of the corpus was ranked on each
-- view of /codebook (6 s at a million articles). The expression must stay identical to the
-- query's ORDER BY for SQLite to use it. Not expressible in schema.prisma (an index on an
-- expression), like the triggers of earlier migrations.
CREATE INDEX "Annotation_codebook_example_idx" ON "Annotation"("themeId", "coder", ABS(LENGTH("quote") - 160), "id");
