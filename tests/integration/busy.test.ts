// Another writer holding the lock: the write waits, is retried, and either lands once the
// lock is gone or fails with a sentence that says so (never Prisma's empty P1008 reason).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { DatabaseBusyError, isBusyError, withBusyRetry } from "@/lib/db/retry";
import { snapshot, type TempDb } from "../helpers/db";
import { MINI_SEED } from "../helpers/fixture";
import { seededDb } from "../helpers/seeded-db";

let db: TempDb;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await seededDb(MINI_SEED);
  prisma = createPrismaClient(db.url, { busyTimeoutMs: 20 });
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});

const rename = (name: string) =>
  prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { slug: "firm" } });
    return tx.organization.update({ where: { id: org.id }, data: { name } });
  });

describe("the database under another writer", () => {
  it("runs in WAL mode once a client has opened it", () => {
    const raw = new Database(db.file, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("recognises SQLITE_BUSY in every shape it arrives in", () => {
    expect(isBusyError({ code: "P1008", message: "Operations timed out after ``" })).toBe(true);
    expect(isBusyError({ code: "SQLITE_BUSY_SNAPSHOT", message: "" })).toBe(true);
    expect(isBusyError(new Error("database is locked"))).toBe(true);
    expect(isBusyError({ message: "wrapped", cause: { code: "SQLITE_BUSY" } })).toBe(true);
    expect(isBusyError(new Error("UNIQUE constraint failed"))).toBe(false);
    expect(isBusyError(null)).toBe(false);
  });

  it("retries a transaction that met a held lock, and stores it once the lock is released", async () => {
    const other = new Database(db.file);
    other.prepare("BEGIN IMMEDIATE").run(); // another process's write transaction
    const pauses: number[] = [];
    const row = await withBusyRetry("renaming", () => rename("Firm after the lock"), {
      attempts: 5,
      sleep: async (_ms, attempt) => {
        pauses.push(attempt);
        if (attempt === 2) other.prepare("COMMIT").run();
      },
    });
    other.close();
    expect(pauses).toEqual([1, 2]); // failed twice, landed on the third attempt
    expect(row.name).toBe("Firm after the lock");
  });

  it("fails with a clear reason and stores nothing when the lock outlasts every attempt", async () => {
    const other = new Database(db.file);
    other.prepare("BEGIN IMMEDIATE").run();
    const before = snapshot(db.file);
    const attempt = withBusyRetry("renaming", () => rename("Never stored"), { attempts: 3, sleep: async () => {} });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(attempt).rejects.toThrow(/^renaming: the database stayed locked by another writer \(SQLITE_BUSY\) through 3 attempts; nothing of this write was stored/);
    other.prepare("ROLLBACK").run();
    other.close();
    expect(snapshot(db.file)).toBe(before);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    const failing = withBusyRetry("x", async () => {
      calls++;
      throw new Error("UNIQUE constraint failed");
    });
    await expect(failing).rejects.toThrow("UNIQUE constraint failed");
    expect(calls).toBe(1);
  });
});
