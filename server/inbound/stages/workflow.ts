import { guideConversation } from "../../workflows";
import { conversationOf, next, profileOf, type Stage } from "../pipeline-types";

/**
 * 8. The highest-priority active SMS Workflow that matches (or the one already attached) guides
 * the agent: what it collected is stored, and its next step goes into the agent's turn.
 */
export const workflow: Stage = {
  name: "workflow",
  async run(ctx) {
    const guided = await guideConversation(ctx.db, {
      brand: ctx.brand,
      conversation: conversationOf(ctx),
      profile: profileOf(ctx),
      message: ctx.message,
      now: ctx.now,
      hasActiveWorkflows: ctx.hasActiveWorkflows,
    });
    ctx.conversation = guided.conversation;
    ctx.profile = guided.profile;
    ctx.workflow = guided.turn;
    return next;
  },
};
