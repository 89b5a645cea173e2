import type { Db, Prisma, SmsConsent } from "../db";
import { EventName } from "../analytics";
import { AppError } from "../errors";

export type ConsentChangeInput = { profileId: string; from: SmsConsent; to: SmsConsent };

/**
 * Many consent changes inside the caller's transaction (a profile import), with the same ledger
 * rows and "Changed SMS Consent" events as changeConsent, in a handful of queries.
 *
 * Each profile moves only if it still has `from` (compare-and-set): if a STOP landed between the
 * caller reading the profiles and this write, the whole transaction is refused rather than
 * overwriting the opt-out.
 */
export async function recordConsentChanges(
  tx: Db | Prisma.TransactionClient,
  input: { brandId: string; source: string; changes: readonly ConsentChangeInput[]; now?: Date },
): Promise<number> {
  const changes = input.changes.filter((c) => c.from !== c.to);
  if (changes.length === 0) return 0;
  const now = input.now ?? new Date();

  const groups = new Map<string, { from: SmsConsent; to: SmsConsent; ids: string[] }>();
  for (const c of changes) {
    const key = `${c.from}>${c.to}`;
    const group = groups.get(key) ?? { from: c.from, to: c.to, ids: [] };
    group.ids.push(c.profileId);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const updated = await tx.profile.updateMany({
      where: { brandId: input.brandId, id: { in: group.ids }, smsConsent: group.from },
      data: { smsConsent: group.to },
    });
    if (updated.count !== group.ids.length) {
      throw new AppError("CONFLICT", {
        message: `recordConsentChanges: ${group.ids.length - updated.count} of ${group.ids.length} profiles no longer had consent ${group.from}`,
        userMessage: "Someone's SMS consent changed while this was being saved (for example a shopper texted STOP). Nothing was changed; try again.",
      });
    }
  }

  const ledger = await tx.consentChange.createManyAndReturn({
    data: changes.map((c) => ({ brandId: input.brandId, profileId: c.profileId, from: c.from, to: c.to, source: input.source, createdAt: now })),
    select: { id: true, profileId: true, from: true, to: true },
  });
  await tx.event.createMany({
    data: ledger.map((change) => ({
      brandId: input.brandId,
      profileId: change.profileId,
      name: EventName.consentChanged,
      properties: { from: change.from, to: change.to, source: input.source },
      dedupeKey: `consent:${change.id}`,
      occurredAt: now,
    })),
    skipDuplicates: true,
  });
  return ledger.length;
}
