import { matchingAutomation } from "../../keywords";
import { isConversationalText } from "../../sms";
import { Prisma } from "../../db";
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
    // The shopper's newer texts still waiting (the agent's turn reads the conversation's history itself).
    const newer = await ctx.db.$queryRaw<{ body: string }[]>(Prisma.sql`
      SELECT "body" FROM "Message"
       WHERE "brandId" = ${ctx.brand.id} AND "direction" = 'inbound' AND "fromNumber" = ${ctx.message.fromNumber}
         AND "processedAt" IS NULL AND "createdAt" > ${ctx.message.createdAt}::timestamp(3)
       ORDER BY "createdAt" ASC LIMIT 5`);
    for (const m of newer) if (joinsTheTurn(ctx, m.body)) return stop("combined");
    return next;
  },
};
