import type { Db } from "../db";
import { brandTeammate, findBrandConversation } from "./find-brand-conversation";
import { handToHumans } from "./hand-to-humans";

/**
 * A teammate takes the conversation: it is theirs (taken over from anyone who had it) and, while
 * it stays assigned and not closed, the agent never answers the shopper, whatever the window.
 * Taking an automating conversation escalates it; taking a closed one re-opens it (see handToHumans).
 */
export async function assignConversation(db: Db, input: { brandId: string; conversationId: string; userId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await brandTeammate(db, input.brandId, input.userId);
  const conversation = await findBrandConversation(db, input.brandId, input.conversationId);
  if (conversation.assigneeId === input.userId && conversation.status !== "closed") return conversation;
  await handToHumans(db, { conversation, action: "teammate_took", now });
  return db.conversation.update({ where: { id: conversation.id }, data: { assigneeId: input.userId, assignedAt: now } });
}

/**
 * Gives the conversation back to the team: nobody owns it. It stays escalated, so the agent stays
 * silent until its window ends, as for any escalation.
 */
export async function unassignConversation(db: Db, input: { brandId: string; conversationId: string }) {
  const conversation = await findBrandConversation(db, input.brandId, input.conversationId);
  if (!conversation.assigneeId) return conversation;
  return db.conversation.update({ where: { id: conversation.id }, data: { assigneeId: null, assignedAt: null } });
}
