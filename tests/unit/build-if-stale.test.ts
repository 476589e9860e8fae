import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { newestInput, staleReason } from "../../scripts/build-if-stale";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A project with files at the given ages (seconds before now) and optionally a build. */
function project(files: Record<string, number>, builtAgo?: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-stale-"));
  dirs.push(root);
  const now = Date.now() / 1000;
  const put = (rel: string, ago: number) => {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, rel);
    fs.utimesSync(p, now - ago, now - ago);
  };
  for (const [rel, ago] of Object.entries(files)) put(rel, ago);
  if (builtAgo !== undefined) put(".next/BUILD_ID", builtAgo);
  return root;
}

describe("build-if-stale", () => {
  it("builds when there is no build", () => {
    expect(staleReason(project({ "app/page.tsx": 100 }))).toBe("no production build yet");
  });
  it("does not build when the build is newer than every input", () => {
    expect(staleReason(project({ "app/page.tsx": 100, "lib/a.ts": 90, "package.json": 300 }, 50))).toBeNull();
  });
  it("builds when any input, however deep, changed after the build, and names it", () => {
    const root = project({ "app/page.tsx": 100, "lib/queries/deep/x.ts": 10 }, 50);
    expect(staleReason(root)).toBe(`${path.join("lib", "queries", "deep", "x.ts")} changed after the last build`);
  });
  it("ignores node_modules and what is not an input (tests, seeds)", () => {
    const root = project({ "app/page.tsx": 100, "lib/node_modules/x.js": 1, "tests/a.test.ts": 1, "seeds/x.txt": 1 }, 50);
    expect(staleReason(root)).toBeNull();
    expect(newestInput(root)?.file).toBe(path.join("app", "page.tsx"));
  });
});
