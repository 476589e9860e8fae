// `npm start` and `npm run dev` call this first: bring the SQLite database up to the
// committed migrations, then seed it if it holds no articles yet. A database that already
// has data is never re-seeded here (tags made in the app must survive a restart);
// `npm run db:seed` re-syncs the seed files on purpose.
import { execFileSync } from "node:child_process";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { fillMissingThemeRows } from "../lib/writes/article-stats";
import { fillPassageWords } from "../lib/writes/passage-words";

const prismaCli = (...args: string[]) =>
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], { stdio: "inherit" });

async function main() {
  prismaCli("migrate", "deploy");
  const prisma = createPrismaClient();
  const articles = await prisma.article.count();
  // A migration can add codings or themes whose per-theme totals only the app can count.
  const filled = articles ? await fillMissingThemeRows(prisma) : 0;
  if (filled) console.log(`Counted ${filled} missing per-theme total(s) from the passages.`);
  // Passages written before their words were stored (migration 20261201140000_passage_words).
  const words = articles ? await fillPassageWords(prisma) : 0;
  if (words) console.log(`Counted the words of ${words} passage(s) written before words were stored.`);
  await prisma.$disconnect();
  if (articles === 0) {
    console.log(`Database ${databaseUrl()} is empty: seeding it from seeds/.`);
    prismaCli("db", "seed");
  } else {
    console.log(`Database ${databaseUrl()} holds ${articles} articles: not re-seeding (npm run db:seed does).`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
