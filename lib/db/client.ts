import "server-only";
import { APP_BUSY_TIMEOUT_MS, createPrismaClient, type PrismaClient } from "./create";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * The app's one Prisma client, reused across Next.js dev hot reloads. Its statements wait for
 * another writer's lock at most APP_BUSY_TIMEOUT_MS at a time (they hold the event loop while
 * they wait); the writes retry beyond that without holding it.
 */
export const prisma = globalForPrisma.prisma ?? createPrismaClient(undefined, { busyTimeoutMs: APP_BUSY_TIMEOUT_MS });

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
