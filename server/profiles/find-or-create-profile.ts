import type { Db } from "../db";

/** The brand's profile for a phone number (E.164), created on first contact without consent. */
export async function findOrCreateProfile(db: Db, brandId: string, phone: string) {
  return db.profile.upsert({
    where: { brandId_phone: { brandId, phone } },
    update: {},
    create: { brandId, phone, smsConsent: "never_subscribed" },
  });
}
