import { endSessionsOf } from "../auth";
import type { Prisma } from "../db";

/**
 * A member's role changed or their membership ended: their signed-in sessions end, so the next
 * request signs in again and sees the new role (or no brand). Called inside the same transaction
 * as the change. The one place that does it for the Members section.
 */
export async function endSessionsOfMember(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await endSessionsOf(tx, userId);
}
