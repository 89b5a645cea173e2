import { placeShopperText } from "../../conversations";
import { assertUnreachable } from "../../errors";
import type { Disposition } from "../disposition";
import { writeText } from "../write-text";
import { next, profileOf, stop, type Stage } from "../pipeline-types";

/**
 * 7. The lifecycle places the text (server/conversations/lifecycle.ts): the agent continues or
 * starts a conversation, or the text waits for a person (a teammate owns the conversation, the
 * agent handed it off, or eligibility sent it to people), or — not subscribed — it is kept visible.
 */
export const conversation: Stage = {
  name: "conversation",
  async run(ctx) {
    const placed = await placeShopperText(ctx.db, {
      brandId: ctx.brand.id,
      profile: profileOf(ctx),
      message: ctx.message,
      route: ctx.route ?? { to: "agent" },
      windowHours: ctx.settings.conversationWindowHours,
      attributionWindowHours: ctx.brand.attributionWindowHours,
      now: ctx.now,
      linkText: true,
    });
    ctx.conversation = placed.conversation;
    // The text's link to its conversation and the placement's events (Started…): one statement, or
    // none more when the agent starts a conversation (its creation links the text).
    ctx.message = placed.linkedMessage ?? (await writeText(ctx.db, ctx.message.id, { profileId: profileOf(ctx).id, conversationId: placed.conversation.id }, placed.events));
    const { decision } = placed;
    switch (decision.type) {
      case "agent_continues":
      case "agent_starts":
      case "agent_takes_over":
        return next;
      case "waits_for_person":
        return stop(decision.reason.startsWith("ineligible:") ? (decision.reason as Disposition) : "human");
      case "visible_only":
        return stop("not_subscribed");
      default:
        return assertUnreachable(decision);
    }
  },
};
