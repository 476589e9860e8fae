// `npm start` without the 30-second rebuild when nothing changed: run `next build` only when
// there is no production build yet, or when a file the build is made from is newer than it
// (.next/BUILD_ID is written at the end of every successful build). Wire it before
// `next start`, e.g. "prestart": "npm run db:setup && tsx scripts/build-if-stale.ts".
// `--force` always builds.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What a build is made of, relative to the project root: folders are walked, missing entries skipped. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "generated",
  "public",
  "package.json",
  "package-lock.json",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
] as const;

const SKIP = new Set(["node_modules", ".next", ".git"]);

/** The newest modification time (ms) under the given paths, and the file that has it. */
export function newestInput(root: string, inputs: readonly string[] = BUILD_INPUTS): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (!SKIP.has(e)) visit(path.join(p, e));
    } else if (!newest || st.mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, p), mtimeMs: st.mtimeMs };
  };
  for (const i of inputs) visit(path.join(root, i));
  return newest;
}

/** Why a build is needed, or null when the build in `.next` is newer than every input. */
export function staleReason(root: string, inputs: readonly string[] = BUILD_INPUTS): string | null {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return "no production build yet";
  const built = fs.statSync(id).mtimeMs;
  const newest = newestInput(root, inputs);
  return newest && newest.mtimeMs > built ? `${newest.file} changed after the last build` : null;
}

function main() {
  const root = process.cwd();
  const reason = process.argv.includes("--force") ? "--force" : staleReason(root);
  if (!reason) {
    console.log("The production build is up to date: not rebuilding (npm run build forces it).");
    return;
  }
  console.log(`Building (${reason}).`);
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
