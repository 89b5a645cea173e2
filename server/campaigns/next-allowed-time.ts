/**
 * When a campaign text held by quiet hours may go: the first moment the recipient's local time
 * (from the area code, see server/consent/quiet-hours.ts) is inside the sending window. Pure.
 */
import { isWithinQuietHours, localHour, type QuietHours } from "../consent/quiet-hours";
import { timeZoneOfPhone } from "../sms/area-code-time-zone";

const STEP_MS = 15 * 60_000;
const HORIZON_MS = 48 * 3_600_000;

/** The next quarter hour strictly after `at` (zones with :30 and :45 offsets change hour on quarter hours). */
function nextQuarterHour(at: number): number {
  return Math.floor(at / STEP_MS) * STEP_MS + STEP_MS;
}

/**
 * `from` itself when sending is allowed then; otherwise the first quarter hour at which it is. An area
 * code spanning zones waits until it is sending time in all of them; if the window is too narrow for
 * that ever to happen, the most likely zone decides.
 */
export function nextAllowedTime(phone: string, from: Date, settings: QuietHours, brandTimeZone: string): Date {
  if (!isWithinQuietHours(phone, from, settings, brandTimeZone)) return from;
  const end = from.getTime() + HORIZON_MS;
  for (let t = nextQuarterHour(from.getTime()); t <= end; t += STEP_MS) {
    if (!isWithinQuietHours(phone, new Date(t), settings, brandTimeZone)) return new Date(t);
  }
  const zone = timeZoneOfPhone(phone, brandTimeZone);
  const isSendingHour = (hour: number) => (settings.start < settings.end ? hour >= settings.start && hour < settings.end : hour >= settings.start || hour < settings.end);
  for (let t = nextQuarterHour(from.getTime()); t <= end; t += STEP_MS) {
    if (isSendingHour(localHour(new Date(t), zone))) return new Date(t);
  }
  return new Date(end);
}
