// npm run import -- <file or folder>... [--dry-run] [--source S] [--publisher P] [--date D] [--title T] [--replace | --keep-both]
//                  [--codes mapping.json] [--new-themes]   (for .qdpx / .qdc files)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importArticles, importSummary, unitsText, type ImportInput } from "../lib/writes/import";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { readTextFile } from "../lib/corpus/read-text";
import { runCli } from "./run-cli";
import { importQdaFiles, isQdaFile, readCodeMapping } from "./import-qda";
import { isTableFile, readTable, rowInput } from "../lib/corpus/table";

const USAGE = `Usage: npm run import -- <file.txt, page.html, rows.csv, rows.jsonl, project.qdpx or folder>... [options]

Reads plain-text articles, saved web pages (.html: main text and the page's own metadata) and
rows of CSV / JSON Lines files (columns title,date,source,publisher,url,body, optional date_precision), removes page furniture, detects title, date, source and publisher,
and stores each new text (in transactions of 200 files; a file that fails is rolled back alone).
Texts already stored are skipped; a text almost the same as a stored one (a corrected re-edit:
80% or more of its 5-word runs in common) is reported with the article it resembles and not
imported unless --replace or --keep-both says what to do.

Options:
  --dry-run            print what would be detected for each file; write nothing
  --source <org>       whose words these are (slug or name; a new name creates the organization)
  --publisher <org>    the site the text was taken from (slug or name)
  --date <date>        YYYY-MM-DD, YYYY-MM, YYYY or "unknown"
  --title <title>      the title, for a text without a title line
  --replace            a near-duplicate replaces the stored article's text and metadata in place
                       (same slug); refused for an article that has passages or has been coded
  --keep-both          a near-duplicate is stored as a new article beside the one it resembles
  --batch-size <n>     files per write transaction (default 200); smaller holds the write lock
                       for less time at each commit, for an import beside busy tagging
  --codes <file.json>  REFI-QDA (.qdpx, .qdc): {"code name": "theme-slug" or null}, for codes
                       whose names are not the themes' names
  --new-themes         REFI-QDA: codes that match no theme become new themes
  -h, --help           this text`;

/** Rows of a CSV / JSON Lines file past which the run reports progress every PROGRESS_EVERY rows instead of every row. */
const PROGRESS_EVERY = 100;

const read = (file: string): ImportInput[] => {
  const r = readTextFile(file);
  if (!r.ok) return [{ file, unreadable: r.reason }];
  if (!isTableFile(file)) return [{ file, raw: r.text }];
  // A spreadsheet or data file: one input per row; a bad row fails alone, a bad header fails the file.
  const t = readTable(file, r.text);
  if (t.fileError) return [{ file, unreadable: t.fileError.slice(file.length + 2) }];
  return t.entries.map((e): ImportInput => ("reason" in e ? { file: e.label, unreadable: e.reason, row: true } : { ...rowInput(e), row: true }));
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
      inputs.push(...read(p));
      continue;
    }
    let entries: string[];
    try {
      entries = fs.readdirSync(p).filter((f) => /\.(txt|html?|csv|jsonl|ndjson)$/i.test(f)).sort();
    } catch (e) {
      inputs.push({ file: p, unreadable: `the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    for (const f of entries) inputs.push(...read(path.join(p, f)));
  }
  return { inputs, missing };
}

/**
 * Every file's line for a small run; for a large one (a CSV of 1,000 rows) the problems, and a
 * progress line every PROGRESS_EVERY inputs, so the run shows how far it is without a wall of text.
 */
function progressLog(total: number): (line: string) => void {
  if (total <= PROGRESS_EVERY) return (line) => console.log(line);
  let done = 0;
  const tally = new Map<string, number>();
  return (line) => {
    const status = /^\[\d+\/\d+\] .*?: (imported|replaced|skipped|failed|not imported|would import|would replace|would fail)/.exec(line)?.[1] ?? "other";
    if (status === "other") return console.log(line); // a note of the run, not a file's line
    done++;
    tally.set(status, (tally.get(status) ?? 0) + 1);
    if (!status.startsWith("imported") && !status.startsWith("would import")) console.log(line);
    if (done % PROGRESS_EVERY === 0 || done === total) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const counts = [...tally].map(([k, n]) => `${n} ${k}`).join(", ");
      console.log(`[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} (${counts})`);
    }
  };
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
        replace: { type: "boolean" },
        "keep-both": { type: "boolean" },
        "batch-size": { type: "string" },
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
    console.error("No .txt, .html, .csv or .jsonl files to import.");
    return 1;
  }
  if (inputs.length > 1 && values.title) console.warn("Note: --title applies to every file of this run.");
  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000)) {
    console.error(`--batch-size "${values["batch-size"]}" must be a whole number from 1 to 10000`);
    return 2;
  }
  if (values.replace && values["keep-both"]) {
    console.error("--replace and --keep-both exclude each other: say what a near-duplicate should do, once.");
    return 2;
  }
  console.log(`${values["dry-run"] ? "Checking" : "Importing"} ${unitsText(inputs)} into ${databaseUrl()}`);
  const outcomes = await importArticles(databaseUrl(), inputs, {
    dryRun: values["dry-run"],
    overrides: { source: values.source, publisher: values.publisher, date: values.date, title: values.title },
    log: progressLog(inputs.length),
    batchSize,
    nearDuplicates: values.replace ? "replace" : values["keep-both"] ? "keep-both" : "report",
  });
  console.log(importSummary(outcomes, values["dry-run"]));
  return outcomes.some((o) => o.status === "failed") || missing.length || !qdaOk ? 1 : 0;
}

runCli(main, "Import failed");
