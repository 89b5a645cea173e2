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
import { DEFAULT_ATTRIBUTION_WINDOW_HOURS, isAttributionModel, MAX_ATTRIBUTION_WINDOW_HOURS, validateAttributionSettings, type AttributionSettings } from "./attribution-rules";

export { attributionModels, attributionWindowOptions, describeAttributionWindow, isAttributionModel, validateAttributionSettings, type AttributionModel, type AttributionSettings } from "./attribution-rules";

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
