/**
 * Settings → SMS attribution: how long after the shopper's last agent reply an order still counts
 * as the agent's (the window), and how the credit is given (the model). Stored on Brand
 * (attributionWindowHours, attributionModel); every change is recorded in the settings history
 * (area "attribution"). The performance page reads these at query time, so changing the window
 * re-computes every period shown, past ones included.
 */
import type { Db } from "../../db";
import { invalidFields } from "../../errors";
import { recordSettingsChange, type SettingsActor } from "../../settings";

/** Last touch: the whole order goes to the agent's most recent reply inside the window. More models fit here later. */
export const attributionModels = ["last_touch"] as const;
export type AttributionModel = (typeof attributionModels)[number];

/** The windows a brand can choose, in hours: one hour up to 30 days. */
export const attributionWindowOptions = [1, 4, 12, 24, 48, 72, 168, 336, 720] as const;
export const DEFAULT_ATTRIBUTION_WINDOW_HOURS = 24;
export const MAX_ATTRIBUTION_WINDOW_HOURS = 720;

export type AttributionSettings = { windowHours: number; model: AttributionModel };

export function isAttributionModel(value: string): value is AttributionModel {
  return (attributionModels as readonly string[]).includes(value);
}

/** "24 hours", "7 days": how the window reads in the form, the history and on the page. */
export function describeAttributionWindow(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** The rules, in the words shown next to the fields. */
export function validateAttributionSettings(input: { windowHours: number; model: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(attributionWindowOptions as readonly number[]).includes(input.windowHours)) {
    errors.windowHours = `Choose an attribution window from the list: ${attributionWindowOptions.map(describeAttributionWindow).join(", ")}.`;
  }
  if (!isAttributionModel(input.model)) errors.model = "Choose an attribution model: last touch is the one Parley offers today.";
  return errors;
}

/** A brand's stored values; anything unexpected in the row reads as the defaults. */
function settingsOf(brand: { attributionWindowHours: number; attributionModel: string }): AttributionSettings {
  const hours = brand.attributionWindowHours;
  return {
    windowHours: Number.isInteger(hours) && hours >= 1 && hours <= MAX_ATTRIBUTION_WINDOW_HOURS ? hours : DEFAULT_ATTRIBUTION_WINDOW_HOURS,
    model: isAttributionModel(brand.attributionModel) ? brand.attributionModel : "last_touch",
  };
}

export async function getAttributionSettings(db: Db, brandId: string): Promise<AttributionSettings> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { attributionWindowHours: true, attributionModel: true } });
  return settingsOf(brand);
}

/** Validates, saves and records the change (area "attribution"); nothing is saved when it is wrong. */
export async function updateAttributionSettings(db: Db, brandId: string, actor: SettingsActor, input: { windowHours: number; model: string }): Promise<AttributionSettings> {
  const errors = validateAttributionSettings(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  return db.$transaction(async (tx) => {
    const before = await tx.brand.findUniqueOrThrow({ where: { id: brandId }, select: { attributionWindowHours: true, attributionModel: true } });
    const after = await tx.brand.update({
      where: { id: brandId },
      data: { attributionWindowHours: input.windowHours, attributionModel: input.model },
      select: { attributionWindowHours: true, attributionModel: true },
    });
    await recordSettingsChange(tx, { brandId, actor, area: "attribution", before, after });
    return settingsOf(after);
  });
}
