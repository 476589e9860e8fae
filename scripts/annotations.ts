// npm run annotations -- export [--article SLUG]... [--out DIR]
// npm run annotations -- load FILE...
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportAnnotations, loadAnnotationFiles } from "../lib/coding/annotation-io";
import { createPrismaClient } from "../lib/db/create";
import { runCli } from "./run-cli";

const USAGE = `Usage:
  npm run annotations -- export [--article <slug>]... [--out <dir>]
      Write every coding of each article, in the seeds' layout: <dir>/codings/<coder>/<slug>.json
      for each coder, <dir>/consensus/<slug>.json where there are several coders or adjudications
      (default dir: seeds). Unchanged files are left byte-identical.
  npm run annotations -- load <file.json>...
      Replace the passages of each file's article with the file's. Every file is checked first;
      on any problem nothing is written and each problem is printed as "file: entry: reason".`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { article: { type: "string", multiple: true }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...files] = positionals;
  if (values.help || !command || !["export", "load"].includes(command)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const prisma = createPrismaClient();
  try {
    if (command === "export") {
      const out = path.resolve(values.out ?? "seeds");
      const texts = await exportAnnotations(prisma, values.article);
      const exported = new Set([...texts.values()].map((t) => t.slug));
      const missing = (values.article ?? []).filter((s) => !exported.has(s));
      for (const m of missing) console.error(`${m}: no such article`);
      let written = 0;
      for (const [rel, { text }] of texts) {
        const file = path.join(out, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) continue;
        fs.writeFileSync(file, text);
        written++;
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
      }
      console.log(`${exported.size} article(s), ${texts.size} coding(s) exported to ${path.relative(process.cwd(), out) || "."}: ${written} file(s) changed, ${texts.size - written} unchanged.`);
      return missing.length ? 1 : 0;
    }
    if (files.length === 0) {
      console.error("Name at least one annotation file to load.");
      return 2;
    }
    const result = await loadAnnotationFiles(prisma, files);
    if (!result.ok) {
      console.error(`Not loaded: ${result.errors.length} problem(s); the database was not changed.`);
      for (const e of result.errors) console.error(`  ${e}`);
      return 1;
    }
    for (const f of result.files) console.log(`${f.file}: ${f.article}: ${f.added} passage(s) added, ${f.removed} removed`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Failed");
