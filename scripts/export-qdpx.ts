// npm run export:qdpx -- --out FILE: the whole project as a REFI-QDA Project Exchange file.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient, databaseUrl } from "../lib/db/create";
import { buildQdpx } from "../lib/corpus/qdpx/export";
import { getQdpxProject } from "../lib/queries/qdpx";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run export:qdpx -- --out project.qdpx

Writes every theme (as a code), article (as a text source with its metadata as variables) and
passage (as a coded selection, positions in code points) to a REFI-QDA .qdpx file that QualCoder,
MAXQDA, ATLAS.ti and NVivo can open. An unchanged project exports to the same bytes every time.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error(`--out is required.\n\n${USAGE}`);
    return 2;
  }
  const prisma = createPrismaClient();
  try {
    const project = await getQdpxProject(prisma);
    const bytes = buildQdpx(project);
    fs.writeFileSync(values.out, bytes);
    const passages = project.articles.reduce((n, a) => n + a.passages.length, 0);
    console.log(`Wrote ${values.out} from ${databaseUrl()}: ${project.themes.length} code(s), ${project.articles.length} source(s), ${passages} coded selection(s), ${bytes.length.toLocaleString("en")} bytes.`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCli(main, "Export failed");
