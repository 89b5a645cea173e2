/** What the builder offers: event names and property keys found in the brand's data, plus the ones Parley emits. */
import { EventName } from "../analytics/emit-event";
import { Prisma, type Db } from "../db";
import { standardProfileFields } from "./definition";

/** Parley's own events come first so a new brand can build segments before any data exists. */
export async function listEventNames(db: Db, brandId: string): Promise<string[]> {
  const rows = await db.event.groupBy({ by: ["name"], where: { brandId }, orderBy: { name: "asc" } });
  const known: string[] = Object.values(EventName);
  return [...known, ...rows.map((r) => r.name).filter((n) => !known.includes(n))];
}

/** Keys seen on the most recent events of one name (e.g. "reason" on Escalated Customer Agent Conversation). */
export async function listEventPropertyKeys(db: Db, brandId: string, name: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>(Prisma.sql`
    SELECT DISTINCT jsonb_object_keys(e.properties) AS key
    FROM (SELECT properties FROM "Event" WHERE "brandId" = ${brandId} AND name = ${name} AND jsonb_typeof(properties) = 'object'
          ORDER BY "occurredAt" DESC LIMIT 500) e
    ORDER BY key LIMIT 100`);
  return rows.map((r) => r.key);
}

/** Standard fields, then custom property keys on the brand's profiles. */
export async function listProfilePropertyKeys(db: Db, brandId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>(Prisma.sql`
    SELECT DISTINCT jsonb_object_keys(p.properties) AS key
    FROM (SELECT properties FROM "Profile" WHERE "brandId" = ${brandId} AND jsonb_typeof(properties) = 'object'
          ORDER BY "updatedAt" DESC LIMIT 2000) p
    ORDER BY key LIMIT 200`);
  return [...Object.keys(standardProfileFields), ...rows.map((r) => r.key)];
}
