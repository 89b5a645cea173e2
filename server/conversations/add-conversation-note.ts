import type { Db } from "../db";
import { AppError } from "../errors";
import { brandTeammate, findBrandConversation } from "./find-brand-conversation";

export const MAX_NOTE_CHARACTERS = 2000;

/** An internal note on the conversation, for the team only: stored, shown in the inbox, never texted. */
export async function addConversationNote(db: Db, input: { brandId: string; conversationId: string; userId: string; body: string }) {
  const body = input.body.trim();
  if (!body) throw new AppError("BAD_REQUEST", { userMessage: "Write the note first.", fields: { body: "Write the note first." } });
  if (body.length > MAX_NOTE_CHARACTERS) {
    const userMessage = `A note can be at most ${MAX_NOTE_CHARACTERS.toLocaleString("en-US")} characters; this one is ${body.length.toLocaleString("en-US")}.`;
    throw new AppError("BAD_REQUEST", { userMessage, fields: { body: userMessage } });
  }
  const author = await brandTeammate(db, input.brandId, input.userId);
  const conversation = await findBrandConversation(db, input.brandId, input.conversationId);
  return db.conversationNote.create({
    data: { brandId: input.brandId, conversationId: conversation.id, authorId: author.id, authorName: author.name, body },
  });
}
