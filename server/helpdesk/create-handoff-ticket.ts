import type { ToolTrace } from "../agent";
import type { Db } from "../db";
import { Prisma } from "../db";
import { shopperSentiment } from "./shopper-sentiment";
import { summarizeForHandoff } from "./summarize-for-handoff";

/**
 * The ticket a person picks up: full transcript with timestamps, profile, an AI summary and the
 * shopper's sentiment. One per conversation (a re-run pipeline creates nothing new). Delivered
 * to the built-in inbox; helpdesk connectors arrive with their own issue.
 */
export async function createHandoffTicket(db: Db, input: { conversationId: string; reason: string; agentSummary?: string | null }) {
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
  const [messages, turns] = await Promise.all([
    db.message.findMany({ where: { conversationId: conversation.id }, orderBy: { createdAt: "asc" } }),
    db.agentTurn.findMany({ where: { conversationId: conversation.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const shopperTexts = messages.filter((m) => m.direction === "inbound").map((m) => m.body);
  const tools = turns.flatMap((t) => (Array.isArray(t.tools) ? (t.tools as ToolTrace[]) : []));
  const summary = summarizeForHandoff({ shopperTexts, tools, reason: input.reason, agentSummary: input.agentSummary });
  const sentiment = shopperSentiment(shopperTexts);
  const transcript = messages.map((m) => ({ at: m.createdAt.toISOString(), direction: m.direction, author: m.author, body: m.body }));
  await db.conversation.update({ where: { id: conversation.id }, data: { summary, sentiment } });
  return db.handoffTicket.upsert({
    where: { conversationId: conversation.id },
    update: {},
    create: {
      brandId: conversation.brandId,
      conversationId: conversation.id,
      profileId: conversation.profileId,
      reason: input.reason,
      summary,
      sentiment,
      transcript: transcript as unknown as Prisma.InputJsonValue,
    },
  });
}
