/**
 * What every performance query is asked for — a day range in the brand's time zone and a channel —
 * and what it needs to know about the brand (zone, attribution window, segment cost), read once.
 */
import type { Db } from "../../db";
import { invalidFields } from "../../errors";
import { attributionModels, type AttributionModel } from "../attribution/attribution-settings";
import { knownTimeZone, periodOf, previousRange, rangeProblem, type DayRange, type Period } from "./period";

/** SMS today; the filter exists so more channels fit later (each adds its conversation and reply events). */
export const performanceChannels = ["sms"] as const;
export type PerformanceChannel = (typeof performanceChannels)[number];

export type PerformanceFilter = DayRange & { channel: PerformanceChannel };

export type PerformanceBrand = {
  timeZone: string;
  attributionWindowHours: number;
  attributionModel: AttributionModel;
  segmentCostCents: number;
};

export async function loadPerformanceBrand(db: Db, brandId: string): Promise<PerformanceBrand> {
  const brand = await db.brand.findUniqueOrThrow({
    where: { id: brandId },
    select: { timeZone: true, attributionWindowHours: true, attributionModel: true, segmentCostCents: true },
  });
  return {
    timeZone: knownTimeZone(brand.timeZone),
    attributionWindowHours: brand.attributionWindowHours > 0 ? brand.attributionWindowHours : 24,
    attributionModel: (attributionModels as readonly string[]).includes(brand.attributionModel) ? (brand.attributionModel as AttributionModel) : "last_touch",
    segmentCostCents: brand.segmentCostCents,
  };
}

/** The filter's period and the one before it, as instants in the brand's zone; a bad range is a field error. */
export function resolvePeriods(filter: PerformanceFilter, timeZone: string): { current: Period; previous: Period } {
  const problem = rangeProblem(filter);
  if (problem) throw invalidFields({ [problem.field]: problem.message });
  return { current: periodOf(filter, timeZone), previous: periodOf(previousRange(filter), timeZone) };
}
