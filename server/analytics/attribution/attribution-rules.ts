/**
 * The rules of the SMS attribution settings, as data: the models, the windows a brand can choose,
 * and the validation in the words the form shows. Pure, so the Settings form offers exactly what
 * the server accepts.
 */
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

