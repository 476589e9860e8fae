// An import of 300 files, in its own process as `npm run import` runs, while this process
// serves the app's reads and tagging writes through the route handlers on the same SQLite
// file (in transactions of 10 files, so that the writes meet many commits): no file fails, no
// request answers 500, nothing throws a busy error, and every total still matches its passages
// afterwards.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { checkConsistency } from "@/lib/queries/consistency";
import type { TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const FILES = 300;
const root = path.join(import.meta.dirname, "../..");
type Handler = (r: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let db: TempDb;
let prisma: PrismaClient;
let dir: string;
beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  prisma = createPrismaClient(db.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-many-"));
  for (let i = 0; i < FILES; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const words = Array.from({ length: 300 }, (_, j) => ["reform", "chips", "state", "firms", "build", "home"][(i + j) % 6]).join(" ");
    fs.writeFileSync(path.join(dir, `text-${String(i).padStart(3, "0")}.txt`), `Generated text ${i}\n\nDate: 2021-03-${day}\n\nText number ${i}: ${words}.\n`);
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.TAGGING_ENABLED;
    delete process.env.TAGGING_LOOPBACK_ONLY;
});

describe("an import beside a serving app", () => {
  it("imports every file while reads and tagging writes go on, with no 500 and no busy error", async () => {
    process.env.TAGGING_ENABLED = "1";
    process.env.TAGGING_LOOPBACK_ONLY = "1"; // as `npm start` serves tagging without a secret
    const timeline = (await import("@/app/api/timeline/route")) as unknown as { GET: (r: Request) => Promise<Response> };
    const bySource = (await import("@/app/api/by-source/route")) as unknown as { GET: (r: Request) => Promise<Response> };
    const annotations = (await import("@/app/api/articles/[slug]/annotations/route")) as unknown as { POST: Handler };
    const annotation = (await import("@/app/api/annotations/[id]/route")) as unknown as { DELETE: Handler; PATCH: Handler };
    const write = (method: string, body?: object) =>
      new Request(`http://localhost:3000/x${method === "DELETE" ? "?annotator=load" : ""}`, {
        method,
        headers: { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
    const read = (q: string) => new Request(`http://localhost:3000/api/x?${q}`, { headers: { host: "localhost:3000" } });

    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", "--batch-size", "1", dir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    let running = true;
    void exited.then(() => (running = false));

    const statuses: number[] = [];
    const thrown: string[] = [];
    let writesDuringImport = 0;
    // Wait until the import has stored its first files, so the load below overlaps it.
    while (running && (await prisma.article.count()) < 3) await new Promise((r) => setTimeout(r, 20));
    for (let round = 0; running; round++) {
      // better-sqlite3 answers synchronously, so a round never yields by itself: let the
      // child's output and exit events in, as a server's event loop would between requests.
      await new Promise((r) => setImmediate(r));
      // The import has not made its last commit yet when this round starts. (Counting only the
      // rounds that end before the child's exit is seen made 0 on a loaded machine: a round's
      // writes wait for the import's commits, and the one round there was ended after the last.)
      const importing = (await prisma.article.count()) < FILES + 2;
      try {
        const [a, b] = await Promise.all([
          timeline.GET(read(round % 2 ? "granularity=month" : "granularity=year&theme=reform")),
          bySource.GET(read("metric=share")),
        ]);
        statuses.push(a.status, b.status);
        // "Reform the firms now." is 0..21 in alpha-001; tag it, retheme it, untag it
        const added = await annotations.POST(write("POST", { start: 0, end: 21, themes: ["innovation"], annotator: "load" }), { params: Promise.resolve({ slug: "alpha-001" }) });
        statuses.push(added.status);
        const ids = added.status === 200 ? ((await added.json()) as { ids: number[] }).ids : [];
        for (const id of ids) {
          const params = { params: Promise.resolve({ id: String(id) }) };
          statuses.push((await annotation.PATCH(write("PATCH", { note: `round ${round}`, annotator: "load" }), params)).status);
          statuses.push((await annotation.DELETE(write("DELETE"), params)).status);
        }
        if (importing) writesDuringImport += 1 + 2 * ids.length;
      } catch (e) {
        thrown.push((e as Error).message);
      }
    }
    const code = await exited;

    expect(stderr).toBe("");
    expect(stdout).toContain(`${FILES} file(s): ${FILES} imported, 0 duplicate(s) skipped, 0 failed.`);
    expect(code).toBe(0);
    expect(thrown).toEqual([]);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // The writes did overlap the import (one file per batch: it commits once per file): at least
    // the first round starts before its last commit. How many rounds fit in it depends on the
    // machine's speed and load; on a loaded one, as few as one.
    expect(writesDuringImport).toBeGreaterThan(0);
    expect(await prisma.article.count()).toBe(FILES + 2);
    expect((await checkConsistency(prisma)).differences).toEqual([]);
  }, 120_000);
});
