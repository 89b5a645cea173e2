import { emitEvent, EventName, newEventId, type EmitEventInput } from "../../analytics";
import { Prisma, type Profile } from "../../db";
import { findOrCreateProfile } from "../../profiles";
import { next, type PipelineContext, type Stage } from "../pipeline-types";

/** A known shopper's profile read with the Received SMS event written for it: one statement. */
async function knownProfileReceiving(ctx: PipelineContext, event: Omit<EmitEventInput, "profileId">): Promise<Profile | null> {
  const { brandId, fromNumber } = ctx.message;
  const rows = await ctx.db.$queryRaw<Profile[]>(Prisma.sql`
    WITH p AS (SELECT * FROM "Profile" WHERE "brandId" = ${brandId} AND "phone" = ${fromNumber}),
    ev AS (
      INSERT INTO "Event" ("id", "brandId", "profileId", "name", "properties", "dedupeKey", "occurredAt")
      SELECT ${newEventId()}, p."brandId", p."id", ${event.name}, ${JSON.stringify(event.properties ?? {})}::jsonb,
             ${event.dedupeKey}, ${event.occurredAt ?? new Date()}::timestamp(3) FROM p
      ON CONFLICT ("brandId", "dedupeKey") DO NOTHING RETURNING 1)
    SELECT * FROM p`);
  return rows[0] ?? null;
}

/**
 * 1. Match the sender by E.164 number (create a profile on first contact) and record Received SMS;
 * a known shopper's profile and the event take one statement. The text is linked to the profile by
 * the next write to its row (the conversation stage, or the disposition): one UPDATE instead of two.
 */
export const resolveProfile: Stage = {
  name: "profile",
  async run(ctx) {
    const event = {
      brandId: ctx.brand.id,
      name: EventName.receivedSms,
      properties: { messageId: ctx.message.id, body: ctx.message.body.slice(0, 320) },
      dedupeKey: `received:${ctx.message.id}`,
      occurredAt: ctx.message.createdAt,
    };
    const known = await knownProfileReceiving(ctx, event);
    if (known) {
      ctx.profile = known;
    } else {
      ctx.profile = await findOrCreateProfile(ctx.db, ctx.brand.id, ctx.message.fromNumber);
      await emitEvent(ctx.db, { ...event, profileId: ctx.profile.id });
    }
    ctx.message = { ...ctx.message, profileId: ctx.profile.id };
    return next;
  },
};
