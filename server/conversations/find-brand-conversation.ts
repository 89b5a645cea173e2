import type { Db } from "../db";
import { AppError } from "../errors";

/** The conversation if it belongs to the brand; NOT_FOUND otherwise (another brand's id reads as missing). */
export async function findBrandConversation(db: Db, brandId: string, conversationId: string) {
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, brandId } });
  if (!conversation) throw new AppError("NOT_FOUND", { userMessage: "That conversation does not exist." });
  return conversation;
}

/** The teammate's name if they are a member of the brand; FORBIDDEN otherwise. */
export async function brandTeammate(db: Db, brandId: string, userId: string) {
  const membership = await db.membership.findUnique({ where: { userId_brandId: { userId, brandId } }, include: { user: { select: { id: true, name: true } } } });
  if (!membership) throw new AppError("FORBIDDEN", { userMessage: "Only members of this brand can do that." });
  return membership.user;
}
