import type { ConversationStatus, Db } from "../db";
import { isWaitingForPerson } from "./lifecycle";

/** Where a conversation stands, in the words the Simulator and `npm run simulate` show. */
export type ConversationState = { id: string; status: ConversationStatus; waitingForPerson: boolean; assignee: string | null };

export async function conversationState(db: Db, brandId: string, conversationId: string | null | undefined): Promise<ConversationState | null> {
  if (!conversationId) return null;
  const c = await db.conversation.findFirst({
    where: { id: conversationId, brandId },
    select: { id: true, status: true, awaitingPersonSince: true, assignee: { select: { name: true } } },
  });
  if (!c) return null;
  return { id: c.id, status: c.status, waitingForPerson: isWaitingForPerson(c), assignee: c.assignee?.name ?? null };
}
