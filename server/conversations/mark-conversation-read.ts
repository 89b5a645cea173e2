import type { Db } from "../db";

/** Opening a conversation marks what the shopper wrote so far as read. Returns whether it exists for the brand. */
export async function markConversationRead(db: Db, input: { brandId: string; conversationId: string; now?: Date }): Promise<boolean> {
  const result = await db.conversation.updateMany({ where: { id: input.conversationId, brandId: input.brandId }, data: { lastReadAt: input.now ?? new Date() } });
  return result.count === 1;
}
