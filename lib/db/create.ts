import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";

/** Same default as prisma.config.ts; relative `file:` paths resolve against the cwd. */
export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** A new client for scripts and tests; the app uses the singleton in lib/db/client.ts. */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

export type { PrismaClient };
