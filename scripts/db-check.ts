// npm run db:check: recompute every per-theme total, word count and quote from the passages
// and texts, print any difference, exit 1 when there is one.
import { checkConsistency, describeConsistency } from "../lib/queries/consistency";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { runCli } from "./run-cli";

async function main(): Promise<number> {
  const prisma = createPrismaClient();
  try {
    console.log(`Checking ${databaseUrl()}`);
    const report = await checkConsistency(prisma);
    const lines = describeConsistency(report);
    (report.differences.length ? console.error : console.log)(lines.join("\n"));
    return report.differences.length ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Check failed");
