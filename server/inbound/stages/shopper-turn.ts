import { matchingAutomation } from "../../keywords";
import { isConversationalText } from "../../sms";
import { next, stop, type PipelineContext, type Stage } from "../pipeline-types";

/** A newer text the agent will read: not a compliance keyword, not noise, not a brand keyword (those answer themselves). */
function joinsTheTurn(ctx: PipelineContext, body: string): boolean {
  return isConversationalText(body) && !matchingAutomation(ctx.keywords, body);
}

/**
 * 8. A shopper who sends several texts in quick succession asked one thing: while a newer text of
 * theirs that the agent would read is still waiting to be processed, this one joins it (disposition
 * `combined`) and the agent answers them together, once (it reads consecutive shopper texts as one
 * turn). The queue holds each text for a short pause (AGENT_REPLY_PAUSE_MS) so the rest of a burst
 * arrives first. A STOP, a tapback or a brand keyword after a question never swallows the question:
 * it is answered now.
 */
export const shopperTurn: Stage = {
  name: "shopper_turn",
  async run(ctx) {
    const newer = await ctx.db.message.findMany({
      where: { brandId: ctx.brand.id, direction: "inbound", fromNumber: ctx.message.fromNumber, processedAt: null, createdAt: { gt: ctx.message.createdAt } },
      select: { body: true },
      orderBy: { createdAt: "asc" },
      take: 5,
    });
    for (const m of newer) if (joinsTheTurn(ctx, m.body)) return stop("combined");
    return next;
  },
};
