// What the browser downloads is decided by imports: a client component that imports the zod
// schema, a query module or the statistics library ships it (and its dependencies) to every
// visitor. Walk the value imports of every "use client" module inside the project and check
// that none of them reaches server-side or heavy modules. Type-only imports are erased, so
// they do not count.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FILTER_PARAMS, CODINGS, GRANULARITIES, METRICS, ORG_ROLES, DEFAULTS } from "@/lib/filters/url";
import { filtersSchema } from "@/lib/filters/schema";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];
/** Project modules and packages the browser must never load. */
const FORBIDDEN = [/^lib\/filters\/schema\.ts$/, /^lib\/filters\/view\.ts$/, /^lib\/queries\//, /^lib\/db\//, /^lib\/writes\//, /^lib\/measure\/intervals\.ts$/];
const FORBIDDEN_PACKAGES = ["zod", "@stdlib/", "@prisma/", "better-sqlite3", "csv-stringify", "server-only"];

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The specifiers a module imports at run time (not `import type`, not `export type`). */
function valueImports(source: string): string[] {
  const specs: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) {
    if (m[2]) continue;
    // `import { type A, type B } from` is erased as a whole too.
    const names = m[3]?.match(/\{([^}]*)\}/)?.[1];
    if (names && names.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    specs.push(m[4]);
  }
  return specs;
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ["", ...EXTENSIONS]) if (fs.existsSync(base + ext) && fs.statSync(base + ext).isFile()) return base + ext;
  return null;
}

/** Every project module and package a client module pulls in, with the path that led there. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[path.relative(ROOT, entry), [path.relative(ROOT, entry)]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    const trail = seen.get(path.relative(ROOT, file))!;
    for (const spec of valueImports(fs.readFileSync(file, "utf8"))) {
      const target = resolve(file, spec);
      const key = target ? path.relative(ROOT, target) : `package:${spec}`;
      if (seen.has(key)) continue;
      seen.set(key, [...trail, key]);
      if (target) queue.push(target);
    }
  }
  return seen;
}

const clientModules = [...walk(path.join(ROOT, "components")), ...walk(path.join(ROOT, "app"))].filter((f) =>
  /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")),
);

describe("the browser bundle", () => {
  it("finds the client modules", () => {
    expect(clientModules.map((f) => path.relative(ROOT, f))).toContain("components/filters/filter-bar.tsx");
  });

  it.each(clientModules.map((f) => [path.relative(ROOT, f), f]))("%s pulls in no zod, queries, database or statistics", (_, file) => {
    const bad: string[] = [];
    for (const [key, trail] of reach(file)) {
      const pkg = key.startsWith("package:") ? key.slice("package:".length) : null;
      if (pkg ? FORBIDDEN_PACKAGES.some((p) => pkg === p || pkg.startsWith(p)) : FORBIDDEN.some((re) => re.test(key))) bad.push(trail.join(" -> "));
    }
    expect(bad).toEqual([]);
  });

  it("detects a forbidden import when there is one", () => {
    // The walker itself: the server page imports the schema and the queries.
    const reached = [...reach(path.join(ROOT, "app/(dashboard)/page.tsx")).keys()];
    expect(reached).toContain("lib/filters/schema.ts");
    expect(reached).toContain("package:zod");
  });
});

describe("the client-side filter vocabulary (lib/filters/url.ts)", () => {
  it("names exactly the schema's parameters, in its order", () => {
    expect([...FILTER_PARAMS]).toEqual(Object.keys(filtersSchema.in.shape));
  });

  it("gives the values and defaults the schema parses", () => {
    const parsed = filtersSchema.parse({});
    expect(parsed).toMatchObject({ orgRole: DEFAULTS.orgRole, granularity: DEFAULTS.granularity, metric: DEFAULTS.metric, coding: DEFAULTS.coding });
    for (const [param, values] of [["orgRole", ORG_ROLES], ["granularity", GRANULARITIES], ["metric", METRICS], ["coding", CODINGS]] as const) {
      for (const v of values) expect(filtersSchema.safeParse({ [param]: [v] }).success).toBe(true);
      expect(filtersSchema.safeParse({ [param]: ["nope"] }).success).toBe(false);
    }
  });
});
