// A temporary SQLite database seeded from a seed directory, with DATABASE_URL pointing at it
// before the app's modules (lib/db/client.ts) are imported.
import { createPrismaClient } from "@/lib/db/create";
import { loadSeed } from "@/lib/corpus/seed";
import { writeSeedPlan } from "@/lib/writes/seed";
import { createTempDb, type TempDb } from "./db";

export async function seededDb(seedDir: string): Promise<TempDb> {
  const db = createTempDb();
  const result = loadSeed(seedDir);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  const prisma = createPrismaClient(db.url);
  await writeSeedPlan(prisma, result.plan);
  await prisma.$disconnect();
  process.env.DATABASE_URL = db.url;
  return db;
}
