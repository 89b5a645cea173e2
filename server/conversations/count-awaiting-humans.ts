import type { Db } from "../db";
import { waitingForPersonWhere } from "./lifecycle";

/**
 * Conversations waiting for a person (lifecycle.ts): a shopper's text that no person has answered,
 * in a conversation nobody closed. The sidebar's badge on Conversations.
 */
export function countAwaitingHumans(db: Db, brandId: string): Promise<number> {
  return db.conversation.count({ where: { brandId, ...waitingForPersonWhere } });
}
