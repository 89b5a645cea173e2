import type { Db, Message } from "../db";

/**
 * The lifecycle's "left with people" for a text the agent had started on when a person took the
 * conversation (or a helpdesk tagged it): it waits for a person — unless a person has already
 * answered since it arrived. Never re-opens a closed conversation.
 */
export async function leaveWithPeople(db: Db, input: { conversationId: string; message: Pick<Message, "createdAt"> }) {
  const answeredSince = await db.message.count({
    where: { conversationId: input.conversationId, direction: "outbound", author: "human", createdAt: { gt: input.message.createdAt } },
  });
  if (answeredSince) return;
  await db.conversation.updateMany({
    where: { id: input.conversationId, awaitingPersonSince: null, status: { not: "closed" } },
    data: { awaitingPersonSince: input.message.createdAt },
  });
}
