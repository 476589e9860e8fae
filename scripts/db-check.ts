// npm run db:check: recompute every per-theme total, word count and quote from the passages
// and texts, and the chart aggregates from the base tables, print any difference, exit 1 when there is one.
import { checkConsistency, describeConsistency } from "../lib/queries/consistency";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { runCli } from "./run-cli";

async function main(): Promise<number> {
  const prisma = createPrismaClient();
  try {
    console.log(`Checking ${databaseUrl()}`);
    const report = await checkConsistency(prisma);
    const lines = describeConsistency(report);
    const wrong = report.differences.length + report.rollups.length;
    (wrong ? console.error : console.log)(lines.join("\n"));
    return wrong ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Check failed");
