import { continueOrStartConversation } from "../../conversations";
import { assertUnreachable } from "../../errors";
import { next, profileOf, stop, type Stage } from "../pipeline-types";

/** 7. Continue the open conversation inside its window, or start one; one owned by a person stays with them. */
export const conversation: Stage = {
  name: "conversation",
  async run(ctx) {
    const decision = await continueOrStartConversation(ctx.db, {
      brandId: ctx.brand.id,
      profile: profileOf(ctx),
      message: ctx.message,
      windowHours: ctx.settings.conversationWindowHours,
      attributionWindowHours: ctx.brand.attributionWindowHours,
      now: ctx.now,
    });
    ctx.conversation = decision.conversation;
    ctx.message = await ctx.db.message.update({ where: { id: ctx.message.id }, data: { conversationId: decision.conversation.id } });
    switch (decision.type) {
      case "with_humans":
        return stop("human");
      case "continued":
      case "started":
        return next;
      default:
        return assertUnreachable(decision);
    }
  },
};
