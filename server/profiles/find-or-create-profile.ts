import type { Db } from "../db";

/** The brand's profile for a phone number (E.164), created on first contact without consent. */
export async function findOrCreateProfile(db: Db, brandId: string, phone: string) {
  // Most texts come from a known shopper: one SELECT. Prisma runs an upsert as a transaction of
  // several round trips, so it is only the fallback (it also settles two first texts racing).
  const existing = await db.profile.findUnique({ where: { brandId_phone: { brandId, phone } } });
  if (existing) return existing;
  return db.profile.upsert({
    where: { brandId_phone: { brandId, phone } },
    update: {},
    create: { brandId, phone, smsConsent: "never_subscribed" },
  });
}
