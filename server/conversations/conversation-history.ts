import type { Db } from "../db";

/**
 * The conversation's texts as the agent sees them, oldest first (shopper and brand only). Shopper
 * texts in a row with no brand text between them are one turn: someone who sends "hi", "my order
 * 1004", "when does it come" in quick succession asked one thing, and is answered once.
 */
export async function conversationHistory(db: Db, conversationId: string, limit = 20) {
  const messages = await db.message.findMany({
    where: { conversationId, OR: [{ direction: "inbound" }, { author: { in: ["agent", "human"] } }] },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const turns: { role: "shopper" | "brand"; text: string }[] = [];
  for (const m of messages.reverse()) {
    const role = m.direction === "inbound" ? ("shopper" as const) : ("brand" as const);
    const last = turns[turns.length - 1];
    if (role === "shopper" && last?.role === "shopper") last.text = `${last.text}\n${m.body}`;
    else turns.push({ role, text: m.body });
  }
  return turns;
}
