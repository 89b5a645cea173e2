import type { Db } from "../db";

/**
 * Conversations waiting for a person: escalated (handed off by the agent, or taken over by a
 * teammate) and not yet closed. The sidebar's badge on Conversations.
 */
export function countAwaitingHumans(db: Db, brandId: string): Promise<number> {
  return db.conversation.count({ where: { brandId, status: "escalated" } });
}
