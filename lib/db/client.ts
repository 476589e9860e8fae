import "server-only";
import { createPrismaClient, type PrismaClient } from "./create";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The app's one Prisma client, reused across Next.js dev hot reloads. */
export const prisma = globalForPrisma.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
