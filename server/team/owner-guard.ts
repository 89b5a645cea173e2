/**
 * The last-owner rule: a brand always keeps at least one owner. Membership changes of one brand
 * are serialised by locking its Brand row, so two owners removing each other at once can't leave
 * the brand with none.
 */
import { Prisma } from "../db";
import { AppError } from "../errors";

/** Locks the brand's membership changes until the transaction ends. */
export async function lockBrandMembers(tx: Prisma.TransactionClient, brandId: string): Promise<void> {
  await tx.$queryRaw(Prisma.sql`SELECT "id" FROM "Brand" WHERE "id" = ${brandId} FOR UPDATE`);
}

/** Refuses (CONFLICT) when the member being demoted or removed is the brand's only owner. */
export async function assertAnotherOwnerRemains(
  tx: Prisma.TransactionClient,
  brandId: string,
  membershipId: string,
  action: "remove" | "demote",
): Promise<void> {
  const others = await tx.membership.count({ where: { brandId, role: "owner", id: { not: membershipId } } });
  if (others > 0) return;
  const userMessage =
    action === "remove"
      ? "This is the brand’s only owner, so they can’t be removed. Make another member an owner first."
      : "This is the brand’s only owner, so their role can’t change. Make another member an owner first.";
  throw new AppError("CONFLICT", { userMessage });
}
