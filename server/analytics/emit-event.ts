import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import { Prisma } from "../db";

export { EventName } from "./event-names";

export type EmitEventInput = {
  brandId: string;
  profileId?: string | null;
  name: string;
  properties?: Record<string, unknown>;
  /** The same key twice records the event once (a re-run pipeline emits nothing new). */
  dedupeKey: string;
  occurredAt?: Date;
};

/** Appends one event; re-emitting the same dedupeKey is a no-op. Returns whether it was new. */
export async function emitEvent(db: Db | Prisma.TransactionClient, input: EmitEventInput): Promise<boolean> {
  const result = await db.event.createMany({
    data: [
      {
        brandId: input.brandId,
        profileId: input.profileId ?? null,
        name: input.name,
        properties: (input.properties ?? {}) as Prisma.InputJsonValue,
        dedupeKey: input.dedupeKey,
        occurredAt: input.occurredAt ?? new Date(),
      },
    ],
    skipDuplicates: true,
  });
  return result.count === 1;
}

/** An id for an event written in SQL (Prisma's own inserts use cuid; both are unique strings). */
export function newEventId(): string {
  return `ev${randomUUID().replace(/-/g, "")}`;
}

/**
 * The same append as SQL, to ride in the statement of the write it records (a data-modifying CTE
 * before it, `WITH w AS (UPDATE …) INSERT INTO "Event" …`): one round trip instead of two.
 * Re-emitting a dedupeKey is a no-op, as with emitEvent.
 */
export function insertEventsSql(inputs: readonly EmitEventInput[]): Prisma.Sql {
  const rows = inputs.map(
    (e) =>
      Prisma.sql`(${newEventId()}, ${e.brandId}, ${e.profileId ?? null}, ${e.name}, ${JSON.stringify(e.properties ?? {})}::jsonb, ${e.dedupeKey}, ${e.occurredAt ?? new Date()}::timestamp(3))`,
  );
  return Prisma.sql`INSERT INTO "Event" ("id", "brandId", "profileId", "name", "properties", "dedupeKey", "occurredAt")
    VALUES ${Prisma.join(rows)} ON CONFLICT ("brandId", "dedupeKey") DO NOTHING`;
}
