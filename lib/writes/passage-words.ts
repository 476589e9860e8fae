// Words per passage are stored when a passage is written (Annotation.words, migration
// 20261201140000_passage_words), so passages.csv never recounts them. Passages written before
// the column existed hold NULL; `npm run db:setup` counts them here, a batch per transaction.
import type { PrismaClient } from "../../generated/prisma/client";
import { Prisma } from "../../generated/prisma/client";
import { withBusyRetry } from "../db/retry";
import { countWords } from "../measure/words";

/** Passages counted per transaction: one UPDATE of 3 parameters a row, far below SQLite's limit. */
const BATCH = 1_000;

/** Counts and stores the words of every passage that has none stored yet. Returns how many it counted. */
export async function fillPassageWords(prisma: PrismaClient): Promise<number> {
  let filled = 0;
  for (let after = 0; ; ) {
    // Walk by id, so each batch starts where the last one ended instead of rescanning the counted rows.
    const rows = await prisma.annotation.findMany({ where: { words: null, id: { gt: after } }, select: { id: true, quote: true }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) return filled;
    after = rows[rows.length - 1].id;
    const cases = Prisma.join(
      rows.map((r) => Prisma.sql`WHEN ${r.id} THEN ${countWords(r.quote)}`),
      " ",
    );
    const ids = Prisma.join(rows.map((r) => r.id));
    await withBusyRetry(`counting the words of ${rows.length} passage(s)`, () =>
      prisma.$executeRaw`UPDATE "Annotation" SET words = CASE id ${cases} END WHERE id IN (${ids}) AND words IS NULL`,
    );
    filled += rows.length;
  }
}
