// npm run import -- <file or folder>... [--dry-run] [--source S] [--publisher P] [--date D] [--title T]
//                  [--codes mapping.json] [--new-themes]   (for .qdpx / .qdc files)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importArticles, importSummary, type ImportInput } from "../lib/writes/import";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { readTextFile } from "../lib/corpus/read-text";
import { runCli } from "./run-cli";
import { importQdaFiles, isQdaFile, readCodeMapping } from "./import-qda";

const USAGE = `Usage: npm run import -- <file.txt, page.html, project.qdpx or folder>... [options]

Reads plain-text articles and saved web pages (.html: main text and the page's own metadata), removes page furniture, detects title, date, source and publisher,
and stores each new text (one transaction per file). Texts already stored are skipped.

Options:
  --dry-run            print what would be detected for each file; write nothing
  --source <org>       whose words these are (slug or name; a new name creates the organization)
  --publisher <org>    the site the text was taken from (slug or name)
  --date <date>        YYYY-MM-DD, YYYY-MM, YYYY or "unknown"
  --title <title>      the title, for a text without a title line
  --codes <file.json>  REFI-QDA (.qdpx, .qdc): {"code name": "theme-slug" or null}, for codes
                       whose names are not the themes' names
  --new-themes         REFI-QDA: codes that match no theme become new themes
  -h, --help           this text`;

const read = (file: string): ImportInput => {
  const r = readTextFile(file);
  return r.ok ? { file, raw: r.text } : { file, unreadable: r.reason };
};

/**
 * The inputs named on the command line. In a folder, every *.txt and *.html entry is an input; one that
 * is not a readable UTF-8 text file (a sub-folder called x.txt, a dangling link, a binary
 * file) fails alone, with its path and reason, and the others are imported.
 */
function collect(paths: string[]): { inputs: ImportInput[]; missing: string[] } {
  const inputs: ImportInput[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    if (!fs.lstatSync(p, { throwIfNoEntry: false })) {
      missing.push(p);
      continue;
    }
    if (!fs.statSync(p, { throwIfNoEntry: false })?.isDirectory()) {
      inputs.push(read(p));
      continue;
    }
    let entries: string[];
    try {
      entries = fs.readdirSync(p).filter((f) => /\.(txt|html?)$/i.test(f)).sort();
    } catch (e) {
      inputs.push({ file: p, unreadable: `the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    for (const f of entries) inputs.push(read(path.join(p, f)));
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
        codes: { type: "string" },
        "new-themes": { type: "boolean" },
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
  // REFI-QDA projects and codebooks go their own way: one file, one transaction.
  const qda = positionals.filter(isQdaFile);
  let qdaOk = true;
  if (qda.length) {
    const codes = values.codes ? readCodeMapping(values.codes) : undefined;
    if (typeof codes === "string") {
      console.error(codes);
      return 1;
    }
    const prisma = createPrismaClient();
    try {
      qdaOk = await importQdaFiles(prisma, qda, { dryRun: values["dry-run"], codes, newThemes: values["new-themes"] });
    } finally {
      await prisma.$disconnect();
    }
    if (qda.length === positionals.length) return qdaOk ? 0 : 1;
  }
  const { inputs, missing } = collect(positionals.filter((p) => !isQdaFile(p)));
  for (const m of missing) console.error(`${m}: no such file or folder`);
  if (inputs.length === 0) {
    console.error("No .txt or .html files to import.");
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
    return outcomes.some((o) => o.status === "failed") || missing.length || !qdaOk ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Import failed");
