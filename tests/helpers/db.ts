// A real SQLite file per test suite, built by applying the committed migrations in order,
// exactly as `prisma migrate deploy` would, without spawning the CLI for every suite.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export type TempDb = { file: string; url: string; cleanup: () => void };

export function createTempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-test-"));
  const file = path.join(dir, "test.db");
  const db = new Database(file);
  const migrations = path.join(import.meta.dirname, "../../prisma/migrations");
  for (const m of fs.readdirSync(migrations).filter((d) => /^\d+_/.test(d)).sort()) {
    db.exec(fs.readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  db.close();
  return { file, url: `file:${file}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table, for "the database is exactly as it was" checks. */
export function snapshot(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  // Full-text indexes (and their shadow tables, some WITHOUT ROWID) are derived from the
  // articles by triggers; the rows of "Article" already say what they hold.
  const virtual = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all() as { name: string }[]).map((t) => t.name);
  const own = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
  // Tables WITHOUT ROWID (the rollups) are ordered by all their columns.
  const order = (name: string) => {
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(name) as { sql: string }).sql;
    if (!/WITHOUT ROWID/i.test(sql)) return "rowid";
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
    return Array.from({ length: n }, (_, i) => i + 1).join(", ");
  };
  const out = own.map((t) => ({ table: t.name, rows: db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order(t.name)}`).all() }));
  db.close();
  return JSON.stringify(out);
}

/** Copy a seed directory to a scratch place so a test can break it. */
export function copySeedDir(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-seed-"));
  fs.cpSync(from, to, { recursive: true });
  return to;
}
