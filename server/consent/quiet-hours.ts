/**
 * Quiet hours: campaigns go out only between `start` and `end` o'clock in the recipient's local
 * time (TCPA allows 8am–9pm; some states are stricter), and wait outside them. The recipient's
 * zone comes from the number's area code, else the brand's zone. Pure: no I/O.
 */
import { timeZonesOfPhone } from "../sms/area-code-time-zone";

export type QuietHours = {
  enabled: boolean;
  /** Sending may start at this hour, 0–23 (8 = 8:00am). */
  start: number;
  /** Sending stops at this hour, 0–23 (21 = 9:00pm); texts wait from then until `start`. */
  end: number;
};

export const defaultQuietHours: QuietHours = { enabled: true, start: 8, end: 21 };

/** The hour (0–23) it is at `at` in `timeZone`. */
export function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(at);
  return Number(hour) % 24;
}

/** Whether `hour` is inside the sending window [start, end), which may wrap past midnight. */
function isSendingHour(hour: number, settings: Pick<QuietHours, "start" | "end">): boolean {
  const { start, end } = settings;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/**
 * True when it is quiet time for the owner of `phone` at `at`: a campaign text must wait. For an
 * area code that spans zones, quiet in any of them counts (the careful reading). Always false
 * when quiet hours are off.
 */
export function isWithinQuietHours(phone: string, at: Date, settings: QuietHours, brandTimeZone: string): boolean {
  if (!settings.enabled) return false;
  return timeZonesOfPhone(phone, brandTimeZone).some((zone) => !isSendingHour(localHour(at, zone), settings));
}

/** "8am", "12pm", "9pm": hours as the form shows them. */
export function formatHour(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}${hour < 12 ? "am" : "pm"}`;
}

/** The rules, in the words shown next to each field. */
export function validateQuietHours(input: QuietHours): Record<string, string> {
  const errors: Record<string, string> = {};
  const isHour = (h: number) => Number.isInteger(h) && h >= 0 && h <= 23;
  if (!isHour(input.start)) errors.quietHoursStart = "Choose an hour from 0 (midnight) to 23 (11pm).";
  if (!isHour(input.end)) errors.quietHoursEnd = "Choose an hour from 0 (midnight) to 23 (11pm).";
  if (!errors.quietHoursStart && !errors.quietHoursEnd && input.start === input.end) {
    errors.quietHoursEnd = `Sending can’t start and stop at the same hour (${formatHour(input.start)}); choose a different end.`;
  }
  return errors;
}
