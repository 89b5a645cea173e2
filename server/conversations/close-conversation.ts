import type { Db } from "../db";
import { brandTeammate, findBrandConversation } from "./find-brand-conversation";
import { transition } from "./lifecycle";

/**
 * A teammate closes the conversation: status closed, ended now, by them, and its window ends now,
 * so the shopper's next text starts a new conversation the agent answers. The assignee stays on
 * record (who owned it); the handoff ticket, if any, is closed too. Closing twice changes nothing.
 */
export async function closeConversation(db: Db, input: { brandId: string; conversationId: string; userId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await brandTeammate(db, input.brandId, input.userId);
  const conversation = await findBrandConversation(db, input.brandId, input.conversationId);
  if (conversation.status === "closed") return conversation;
  const closed = await db.conversation.update({
    where: { id: conversation.id },
    data: {
      ...transition(conversation, { type: "teammate_closed" }, now),
      endedAt: now,
      closedById: input.userId,
      windowEndsAt: conversation.windowEndsAt < now ? conversation.windowEndsAt : now,
    },
  });
  await db.handoffTicket.updateMany({ where: { conversationId: conversation.id, brandId: input.brandId, status: "open" }, data: { status: "closed" } });
  return closed;
}
