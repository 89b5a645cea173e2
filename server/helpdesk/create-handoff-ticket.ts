import type { ToolTrace } from "../agent";
import type { Db } from "../db";
import { Prisma } from "../db";
import { queueHandoffDelivery } from "./deliver-handoff";
import { isHelpdeskKind } from "./helpdesk-settings";
import { shopperSentiment } from "./shopper-sentiment";
import { summarizeForHandoff } from "./summarize-for-handoff";

/**
 * The ticket a person picks up: full transcript with timestamps, profile, an AI summary and the
 * shopper's sentiment. One per conversation (a re-run pipeline creates nothing new). It is always
 * in the built-in inbox; when the brand connected a helpdesk (Settings → Helpdesk) the ticket is
 * "pending" and its delivery is queued (see deliver-handoff.ts).
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
  const connection = await db.helpdeskConnection.findUnique({ where: { brandId: conversation.brandId }, select: { kind: true } });
  const helpdesk = connection && isHelpdeskKind(connection.kind) ? connection.kind : "none";
  const ticket = await db.handoffTicket.upsert({
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
      destination: helpdesk === "none" ? "inbox" : helpdesk,
      deliveryStatus: helpdesk === "none" ? "inbox" : "pending",
    },
  });
  // Also for an existing ticket still pending (a re-run after a crash before queueing); queued once per ticket.
  if (ticket.deliveryStatus === "pending") await queueHandoffDelivery(ticket.id);
  return ticket;
}
