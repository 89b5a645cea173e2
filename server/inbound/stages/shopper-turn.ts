import { matchingAutomation } from "../../keywords";
import { isConversationalText } from "../../sms";
import { historyTurns, historyTextsSql } from "../../conversations";
import { Prisma } from "../../db";
import { conversationOf, next, stop, type PipelineContext, type Stage } from "../pipeline-types";

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
    const conversation = conversationOf(ctx);
    // One statement: the shopper's newer texts still waiting, and the conversation's history for the agent's turn.
    const rows = await ctx.db.$queryRaw<{ kind: "newer" | "history"; body: string; direction: string; createdAt: Date }[]>(Prisma.sql`
      (SELECT 'newer' AS "kind", "body", "direction"::text AS "direction", "createdAt" FROM "Message"
        WHERE "brandId" = ${ctx.brand.id} AND "direction" = 'inbound' AND "fromNumber" = ${ctx.message.fromNumber}
          AND "processedAt" IS NULL AND "createdAt" > ${ctx.message.createdAt}::timestamp(3)
        ORDER BY "createdAt" ASC LIMIT 5)
      UNION ALL
      (SELECT 'history', h."body", h."direction", h."createdAt" FROM (${historyTextsSql(conversation.id)}) h)`);
    const byTime = (order: 1 | -1) => (a: { createdAt: Date }, b: { createdAt: Date }) => order * (a.createdAt.getTime() - b.createdAt.getTime());
    const newer = rows.filter((r) => r.kind === "newer").sort(byTime(1));
    ctx.history = historyTurns(rows.filter((r) => r.kind === "history").sort(byTime(-1)));
    for (const m of newer) if (joinsTheTurn(ctx, m.body)) return stop("combined");
    return next;
  },
};
