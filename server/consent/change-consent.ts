import type { Db, SmsConsent } from "../db";
import { emitEvent, EventName } from "../analytics";

/**
 * Records a consent change in the ledger and on the profile, at once. Returns false when the
 * profile already had that consent (nothing to record).
 */
export async function changeConsent(
  db: Db,
  input: { brandId: string; profileId: string; to: SmsConsent; source: string; messageId?: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const profile = await tx.profile.findFirstOrThrow({ where: { id: input.profileId, brandId: input.brandId } });
    if (profile.smsConsent === input.to) return false;
    await tx.profile.update({ where: { id: profile.id }, data: { smsConsent: input.to } });
    const change = await tx.consentChange.create({
      data: {
        brandId: input.brandId,
        profileId: profile.id,
        from: profile.smsConsent,
        to: input.to,
        source: input.source,
        messageId: input.messageId ?? null,
      },
    });
    await emitEvent(tx as unknown as Db, {
      brandId: input.brandId,
      profileId: profile.id,
      name: EventName.consentChanged,
      properties: { from: profile.smsConsent, to: input.to, source: input.source },
      dedupeKey: `consent:${change.id}`,
    });
    return true;
  });
}
