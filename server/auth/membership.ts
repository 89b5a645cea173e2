import { getDb } from "../db";
import type { MemberRole } from "../db";

export type BrandMember = {
  userId: string;
  email: string;
  name: string;
  brandId: string;
  brandName: string;
  role: MemberRole;
};

/** The user's brand and role (the first membership: one brand per user for now). */
export async function brandMemberOf(userId: string): Promise<BrandMember | null> {
  const m = await getDb().membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { user: true, brand: true },
  });
  if (!m) return null;
  return { userId, email: m.user.email, name: m.user.name, brandId: m.brandId, brandName: m.brand.name, role: m.role };
}
