import { getServerSession } from "next-auth/next";
import { authOptions } from "./options";
import { brandMemberOf, type BrandMember } from "./membership";

/** The signed-in member of a brand for this request (pages, route handlers), or null. */
export async function currentMember(): Promise<BrandMember | null> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return brandMemberOf(userId);
}
