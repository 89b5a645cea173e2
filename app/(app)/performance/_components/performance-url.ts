/**
 * The page's filters as URL parameters, so a reload, the back button or a shared link shows the
 * same numbers: ?range=7d|30d|90d (relative to today in the brand's zone, the default 30d), or
 * ?range=custom&from=YYYY-MM-DD&to=YYYY-MM-DD; &channel=sms.
 */
import { presetRange, rangePresets, rangeProblem, type DayRange, type RangePreset } from "@/server/analytics/performance/period";

export type RangeChoice = RangePreset | "custom";
export const channels = ["sms"] as const;
export type Channel = (typeof channels)[number];

export type PerformanceView = DayRange & { choice: RangeChoice; channel: Channel };

export const DEFAULT_PRESET: RangePreset = "30d";

const isPreset = (value: string | null): value is RangePreset => (rangePresets as readonly string[]).includes(value ?? "");

export function viewFromUrl(params: URLSearchParams, timeZone: string, now: number = Date.now()): PerformanceView {
  const channel: Channel = "sms";
  const range = params.get("range");
  if (range === "custom") {
    const custom = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
    if (!rangeProblem(custom)) return { choice: "custom", ...custom, channel };
  }
  const preset = isPreset(range) ? range : DEFAULT_PRESET;
  return { choice: preset, ...presetRange(preset, timeZone, now), channel };
}

/** The query string for a view; the default view is the bare path. */
export function viewToQuery(view: PerformanceView): string {
  const params = new URLSearchParams();
  if (view.choice === "custom") {
    params.set("range", "custom");
    params.set("from", view.from);
    params.set("to", view.to);
  } else if (view.choice !== DEFAULT_PRESET) {
    params.set("range", view.choice);
  }
  if (view.channel !== "sms") params.set("channel", view.channel);
  return params.toString();
}
