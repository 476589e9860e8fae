-- Suggestions from the codebook's cues: what each coder answered to a sentence offered for a
-- theme. "accepted" made it a passage (through the ordinary tagging write); "dismissed" keeps
-- it from being offered to that coder again. The counts per theme and coder come from here.
CREATE TABLE "SuggestionDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "theme" TEXT NOT NULL,
    "coder" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "cue" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "who" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "SuggestionDecision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SuggestionDecision_articleId_theme_coder_start_end_key" ON "SuggestionDecision"("articleId", "theme", "coder", "start", "end");
CREATE INDEX "SuggestionDecision_theme_coder_idx" ON "SuggestionDecision"("theme", "coder");
