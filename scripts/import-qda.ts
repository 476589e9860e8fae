// The REFI-QDA part of `npm run import`: .qdpx / .qde projects and .qdc codebooks named on the
// command line, each read whole, checked whole and stored in one transaction (or refused whole).
import fs from "node:fs";
import type { PrismaClient } from "../generated/prisma/client";
import { readQdaFile, MAX_QDPX_BYTES } from "../lib/corpus/qdpx/read";
import { importQdaProject, qdaSummary, type CodeMapping } from "../lib/writes/qdpx-import";

export const isQdaFile = (p: string) => /\.(qdpx|qdc|qde)$/i.test(p);

/** The --codes mapping file: {"code name or guid": "theme-slug" | null}, or why it cannot be used. */
export function readCodeMapping(file: string): CodeMapping | string {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return `--codes ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not JSON (${(e as Error).message})`}`;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return `--codes ${file}: must be a JSON object of "code name": "theme-slug" (or null to leave the code out)`;
  for (const [k, v] of Object.entries(data)) {
    if (v !== null && typeof v !== "string") return `--codes ${file}: "${k}" must map to a theme slug or null`;
  }
  return data as CodeMapping;
}

export async function importQdaFiles(prisma: PrismaClient, files: string[], opts: { dryRun?: boolean; codes?: CodeMapping; newThemes?: boolean }): Promise<boolean> {
  let ok = true;
  for (const file of files) {
    console.log(`${opts.dryRun ? "Checking" : "Importing"} REFI-QDA file ${file}`);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      console.error(`${file}: ${stat ? "not a regular file" : "no such file"}`);
      ok = false;
      continue;
    }
    if (stat.size > MAX_QDPX_BYTES) {
      console.error(`${file}: the file is ${stat.size.toLocaleString("en")} bytes, over the limit of ${MAX_QDPX_BYTES.toLocaleString("en")} bytes`);
      ok = false;
      continue;
    }
    const read = readQdaFile(file, fs.readFileSync(file));
    if (!read.ok) {
      for (const e of read.errors) console.error(`  error: ${e}`);
      console.error(`${file}: refused, nothing written (${read.errors.length} problem(s)).`);
      ok = false;
      continue;
    }
    const out = await importQdaProject(prisma, file, read.project, { ...opts, log: (l) => console.log(l) });
    console.log(qdaSummary(out));
    if (out.status === "failed") ok = false;
  }
  return ok;
}
