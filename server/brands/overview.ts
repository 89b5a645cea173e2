import type { BrandMember } from "../auth";
import type { Db } from "../db";
import { chooseModel } from "../agent";
import { hasTwilioCredentials } from "../channels/twilio-credentials";
import { countAwaitingHumans } from "../conversations/count-awaiting-humans";

/** What the app shell shows: the brand, the signed-in user, and what is waiting for a person. */
export async function currentBrandOverview(db: Db, member: BrandMember) {
  const [brand, awaitingHuman] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: member.brandId } }),
    countAwaitingHumans(db, member.brandId),
  ]);
  const model = chooseModel();
  return {
    brand: { id: brand.id, name: brand.name, smsNumber: brand.smsNumber, timeZone: brand.timeZone, transport: hasTwilioCredentials(brand) ? "twilio" : "simulator" },
    user: { name: member.name, email: member.email, role: member.role },
    awaitingHuman,
    model: `${model.provider}:${model.modelId}`,
  };
}
