import type { Db } from "../db";

type ToolTrace = { name: string; input: unknown; output?: unknown; error?: string };

/** A text of the conversation as the agent sees it; the agent's own texts carry the tools it ran for them. */
export type ConversationTurn = { role: "shopper" | "brand"; text: string; tools?: ToolTrace[]; source?: "campaign" };

/**
 * The campaign text the conversation is a reply to (Conversation.sourceCampaignId): the copy this
 * shopper got, personalised as sent, else the campaign's body.
 */
async function campaignTurn(db: Db, conversationId: string): Promise<ConversationTurn | null> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { sourceCampaignId: true, profileId: true, brandId: true } });
  if (!conversation?.sourceCampaignId) return null;
  const sent = await db.message.findFirst({
    where: { brandId: conversation.brandId, profileId: conversation.profileId, campaignId: conversation.sourceCampaignId, direction: "outbound" },
    orderBy: { createdAt: "desc" },
    select: { body: true },
  });
  const body = sent?.body ?? (await db.campaign.findUnique({ where: { id: conversation.sourceCampaignId }, select: { body: true } }))?.body;
  return body ? { role: "brand", text: body, source: "campaign" } : null;
}

/**
 * The conversation's texts as the agent sees them, oldest first (shopper and brand only), after
 * the campaign text it replies to, if any. Shopper texts in a row with no brand text between them
 * are one turn: someone who sends "hi", "my order 1004", "when does it come" in quick succession
 * asked one thing, and is answered once. The agent's texts carry the tools that turn ran (the
 * orders and products it talked about), so the next turn can resolve "what about the other one?".
 */
export async function conversationHistory(db: Db, conversationId: string, limit = 20): Promise<ConversationTurn[]> {
  const messages = await db.message.findMany({
    where: { conversationId, OR: [{ direction: "inbound" }, { author: { in: ["agent", "human"] } }] },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const answered = messages.filter((m) => m.author === "agent" && m.inReplyToId).map((m) => m.inReplyToId!);
  const turnsRun = answered.length
    ? await db.agentTurn.findMany({ where: { conversationId, inboundMessageId: { in: answered } }, select: { inboundMessageId: true, tools: true } })
    : [];
  const toolsByInbound = new Map(turnsRun.map((t) => [t.inboundMessageId, Array.isArray(t.tools) ? (t.tools as ToolTrace[]) : []]));
  const turns: ConversationTurn[] = [];
  const campaign = await campaignTurn(db, conversationId);
  if (campaign) turns.push(campaign);
  for (const m of messages.reverse()) {
    const role = m.direction === "inbound" ? ("shopper" as const) : ("brand" as const);
    const last = turns[turns.length - 1];
    if (role === "shopper" && last?.role === "shopper") {
      last.text = `${last.text}\n${m.body}`;
      continue;
    }
    const tools = m.author === "agent" && m.inReplyToId ? toolsByInbound.get(m.inReplyToId) : undefined;
    turns.push(tools?.length ? { role, text: m.body, tools } : { role, text: m.body });
  }
  return turns;
}
