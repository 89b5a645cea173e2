import { emitEvent, EventName } from "../../analytics";
import { findOrCreateProfile } from "../../profiles";
import { next, type Stage } from "../pipeline-types";

/**
 * 1. Match the sender by E.164 number (create a profile on first contact) and record Received SMS.
 * A known sender's profile was read with the text, and its event written by the same statement
 * (server/inbound/load-inbound.ts). The text is linked to the profile by the next write to its row
 * (the conversation stage, or the disposition): one UPDATE instead of two.
 */
export const resolveProfile: Stage = {
  name: "profile",
  async run(ctx) {
    if (ctx.knownProfile) {
      ctx.profile = ctx.knownProfile;
    } else {
      ctx.profile = await findOrCreateProfile(ctx.db, ctx.brand.id, ctx.message.fromNumber);
      await emitEvent(ctx.db, {
        brandId: ctx.brand.id,
        profileId: ctx.profile.id,
        name: EventName.receivedSms,
        properties: { messageId: ctx.message.id, body: ctx.message.body.slice(0, 320) },
        dedupeKey: `received:${ctx.message.id}`,
        occurredAt: ctx.message.createdAt,
      });
    }
    ctx.message = { ...ctx.message, profileId: ctx.profile.id };
    return next;
  },
};
