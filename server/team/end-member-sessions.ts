import type { Prisma } from "../db";

/**
 * A member's role changed or their membership ended: their signed-in sessions must end, so the
 * next request signs in again and sees the new role (or no brand). Called inside the same
 * transaction as the change. The one place that does it for the Members section.
 */
export async function endSessionsOfMember(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  // TODO(integrator): end sessions of userId — call server/auth's endSessionsOf(tx, userId) here.
  void tx;
  void userId;
}
