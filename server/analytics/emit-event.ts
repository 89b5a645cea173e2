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
