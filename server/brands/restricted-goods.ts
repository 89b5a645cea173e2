/**
 * Brand eligibility (SHAFT). US carriers (CTIA) and the AI provider's usage policy forbid
 * automated conversational messaging about sex, hate, alcohol, firearms and tobacco, so a brand
 * that sells any of them is "restricted": its customer agent stays off. Settings → Brand
 * eligibility saves the categories; the agent's on-switch and the pipeline's eligibility stage
 * read isRestrictedBrand.
 */
import type { Db, Prisma } from "../db";
import { invalidFields } from "../errors";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";

/** The SHAFT categories, in the order the form shows them. */
export const restrictedGoodsCategories = ["sex", "hate", "alcohol", "firearms", "tobacco"] as const;
export type RestrictedGoodsCategory = (typeof restrictedGoodsCategories)[number];

export const restrictedGoodsLabels: Record<RestrictedGoodsCategory, string> = {
  sex: "Sex or adult content",
  hate: "Hate speech",
  alcohol: "Alcohol",
  firearms: "Firearms",
  tobacco: "Tobacco, vaping or cannabis",
};

const isCategory = (value: string): value is RestrictedGoodsCategory => (restrictedGoodsCategories as readonly string[]).includes(value);

/** True when the brand sells any SHAFT category: its customer agent may not be on. */
export function isRestrictedBrand(brand: { restrictedGoods: readonly string[] }): boolean {
  return brand.restrictedGoods.some(isCategory);
}

export type RestrictedGoods = {
  categories: RestrictedGoodsCategory[];
  isRestricted: boolean;
  agentEnabled: boolean;
};

export async function getRestrictedGoods(db: Db | Prisma.TransactionClient, brandId: string): Promise<RestrictedGoods> {
  const [brand, agent] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { restrictedGoods: true } }),
    db.agentSettings.findUnique({ where: { brandId }, select: { enabled: true } }),
  ]);
  const categories = restrictedGoodsCategories.filter((c) => brand.restrictedGoods.includes(c));
  return { categories, isRestricted: categories.length > 0, agentEnabled: agent?.enabled ?? true };
}

/**
 * Saves the categories the brand sells. Any category makes the brand restricted: a customer agent
 * that is on is switched off in the same transaction, and the history records both.
 */
export async function updateRestrictedGoods(
  db: Db,
  brandId: string,
  actor: SettingsActor,
  input: { categories: readonly string[] },
): Promise<RestrictedGoods> {
  const unknown = input.categories.filter((c) => !isCategory(c));
  if (unknown.length) throw invalidFields({ categories: `Unknown categories: ${unknown.join(", ")}.` });
  // Stored in the form's order, without repeats, so the history compares like with like.
  const categories = restrictedGoodsCategories.filter((c) => input.categories.includes(c));
  return db.$transaction(async (tx) => {
    const before = await getRestrictedGoods(tx, brandId);
    await tx.brand.update({ where: { id: brandId }, data: { restrictedGoods: categories } });
    const isRestricted = categories.length > 0;
    if (isRestricted && before.agentEnabled) {
      await tx.agentSettings.upsert({ where: { brandId }, update: { enabled: false }, create: { brandId, enabled: false } });
    }
    const after = await getRestrictedGoods(tx, brandId);
    await recordSettingsChange(tx, {
      brandId,
      actor,
      area: "brand",
      before: { restrictedGoods: before.categories, agentEnabled: before.agentEnabled },
      after: { restrictedGoods: after.categories, agentEnabled: after.agentEnabled },
    });
    return after;
  });
}
