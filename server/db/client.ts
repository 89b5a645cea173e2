/**
 * The Prisma client: PGlite when DATABASE_URL is unset, PostgreSQL through @prisma/adapter-pg
 * otherwise. One client per process, kept on globalThis (survives Next's hot reload and is
 * shared by Next's bundles and the worker in the same process).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { PrismaClient } from "./generated/client";
import { closePglite, openPglite } from "./pglite";

export type Db = PrismaClient;
type Holder = { client?: PrismaClient };
const holder = ((globalThis as Record<string, unknown>).__parleyPrisma ??= {}) as Holder;

export function databaseKind(): "pglite" | "postgresql" {
  return env().DATABASE_URL ? "postgresql" : "pglite";
}

/** The adapter factory for the configured database (also used by migrations). */
export function adapterFactory(): PrismaPg | PrismaPGlite {
  const e = env();
  if (e.DATABASE_URL) return new PrismaPg({ connectionString: e.DATABASE_URL, max: e.DATABASE_POOL_MAX });
  return new PrismaPGlite(openPglite(e.PGLITE_DATA_DIR));
}

export function getDb(): PrismaClient {
  holder.client ??= new PrismaClient({ adapter: adapterFactory() });
  return holder.client;
}

export async function closeDb(): Promise<void> {
  const client = holder.client;
  holder.client = undefined;
  if (client) await client.$disconnect();
  await closePglite();
}
