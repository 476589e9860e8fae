// Prisma's seed command (`npm run db:seed`). Validates every seed file first; on any problem
// it prints "file: entry: reason" for each and exits 1 without opening the database.
import path from "node:path";
import { createPrismaClient } from "../lib/db/create";
import { loadSeed } from "../lib/corpus/seed";
import { seedSummary } from "../lib/writes/seed-summary";
import { writeSeedPlan } from "../lib/writes/seed";
import { fillPassageWords } from "../lib/writes/passage-words";
import { runCli } from "../scripts/run-cli";

async function main(): Promise<number> {
  const dir = path.resolve(process.env.SEED_DIR ?? "seeds");
  const result = loadSeed(dir);
  if (!result.ok) {
    console.error(`Seed not loaded: ${result.errors.length} problem(s); the database was not changed.`);
    for (const e of result.errors) console.error(`  ${e}`);
    return 1;
  }
  const prisma = createPrismaClient();
  try {
    const changes = await writeSeedPlan(prisma, result.plan);
    console.log(seedSummary(result.plan, changes));
    // Passages the seed left as they were may predate stored words (migration 20261201140000_passage_words).
    const counted = await fillPassageWords(prisma);
    if (counted) console.log(`Counted the words of ${counted} passage(s) written before words were stored.`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Seed failed, nothing was written");
