// npm run import -- <file or folder>... [--dry-run] [--source S] [--publisher P] [--date D] [--title T]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importArticles, importSummary, type ImportInput } from "../lib/writes/import";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run import -- <file.txt or folder>... [options]

Reads plain-text articles, removes page furniture, detects title, date, source and publisher,
and stores each new text (one transaction per file). Texts already stored are skipped.

Options:
  --dry-run            print what would be detected for each file; write nothing
  --source <org>       whose words these are (slug or name; a new name creates the organization)
  --publisher <org>    the site the text was taken from (slug or name)
  --date <date>        YYYY-MM-DD, YYYY-MM, YYYY or "unknown"
  --title <title>      the title, for a text without a title line
  -h, --help           this text`;

function collect(paths: string[]): { inputs: ImportInput[]; missing: string[] } {
  const inputs: ImportInput[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      missing.push(p);
      continue;
    }
    const files = fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(p, f))
      : [p];
    for (const f of files) inputs.push({ file: f, raw: fs.readFileSync(f, "utf8") });
  }
  return { inputs, missing };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean" },
        source: { type: "string" },
        publisher: { type: "string" },
        date: { type: "string" },
        title: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const { inputs, missing } = collect(positionals);
  for (const m of missing) console.error(`${m}: no such file or folder`);
  if (inputs.length === 0) {
    console.error("No .txt files to import.");
    return 1;
  }
  if (inputs.length > 1 && values.title) console.warn("Note: --title applies to every file of this run.");
  const prisma = createPrismaClient();
  try {
    console.log(`${values["dry-run"] ? "Checking" : "Importing"} ${inputs.length} file(s) into ${databaseUrl()}`);
    const outcomes = await importArticles(prisma, inputs, {
      dryRun: values["dry-run"],
      overrides: { source: values.source, publisher: values.publisher, date: values.date, title: values.title },
      log: (line) => console.log(line),
    });
    console.log(importSummary(outcomes, values["dry-run"]));
    return outcomes.some((o) => o.status === "failed") || missing.length ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Import failed");
