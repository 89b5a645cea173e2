/**
 * Date ranges for the performance page. A range is two calendar days in the brand's time zone,
 * both included ("Mar 1 – Mar 7" is seven whole days); the previous period is the same number of
 * days right before it. Days are plain "YYYY-MM-DD" strings, so the arithmetic is calendar
 * arithmetic (a DST change never moves a day); only turning a day into an instant needs the zone.
 * Pure, no I/O: the page uses it for presets, the server for query bounds.
 */

export type DayRange = { from: string; to: string };

/** A range resolved to instants: [start, end) in UTC, and its length in days. */
export type Period = DayRange & { start: Date; end: Date; days: number };

export const rangePresets = ["7d", "30d", "90d"] as const;
export type RangePreset = (typeof rangePresets)[number];
export const presetDays: Record<RangePreset, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** The longest range the page allows (two years and a bit), so one query never scans a decade. */
export const MAX_RANGE_DAYS = 800;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a calendar day, or null when the text is not a real date. */
function utcMidnight(day: string): number | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).getUTCDate() === Number(m[3]) && new Date(ms).getUTCMonth() === Number(m[2]) - 1 ? ms : null;
}

export function isDay(value: string): boolean {
  return utcMidnight(value) !== null;
}

/** "2026-03-01" + 6 → "2026-03-07" (calendar days; negative goes back). */
export function addDays(day: string, n: number): string {
  const ms = utcMidnight(day);
  if (ms === null) throw new Error(`addDays: "${day}" is not a date`);
  return new Date(ms + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included: Mar 1 → Mar 7 is 7. */
export function daysInRange(range: DayRange): number {
  const a = utcMidnight(range.from);
  const b = utcMidnight(range.to);
  if (a === null || b === null) throw new Error(`daysInRange: not a range ${JSON.stringify(range)}`);
  return Math.round((b - a) / DAY_MS) + 1;
}

/** Every day of the range, in order. */
export function listDays(range: DayRange): string[] {
  return Array.from({ length: daysInRange(range) }, (_, i) => addDays(range.from, i));
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone if the runtime knows it, else UTC (an unknown name must not break the page). */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: knownTimeZone(timeZone),
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string) {
  const parts = Object.fromEntries(wallClockFormat(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's clock is ahead of UTC at this instant, in ms (negative west of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The calendar day an instant falls on in the zone. */
export function dayIn(instant: Date | number, timeZone: string): string {
  const w = wallClock(typeof instant === "number" ? instant : instant.getTime(), timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * The instant a calendar day starts in the zone: its midnight, or, in the few zones that jump
 * forward at 00:00, the first minute that exists. Tries the offsets in force half a day before and
 * half a day after midnight and keeps the earliest instant that falls on the day.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const wall = utcMidnight(day);
  if (wall === null) throw new Error(`startOfDay: "${day}" is not a date`);
  const half = DAY_MS / 2;
  const candidates = [wall - offsetAt(wall - half, timeZone), wall - offsetAt(wall + half, timeZone)].filter((c) => dayIn(c, timeZone) === day);
  if (candidates.length === 0) throw new Error(`startOfDay: no start found for ${day} in ${timeZone}`);
  return new Date(Math.min(...candidates));
}

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** A wall-clock time in the zone → the instant it names (in a repeated hour, the later reading of the offset wins; fine for order times). */
export function instantOfWallTime(t: WallTime, timeZone: string): Date {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** The range as instants: from the start of `from` to the start of the day after `to`. */
export function periodOf(range: DayRange, timeZone: string): Period {
  return { ...range, start: startOfDay(range.from, timeZone), end: startOfDay(addDays(range.to, 1), timeZone), days: daysInRange(range) };
}

/** The same number of days, ending the day before `range.from`. */
export function previousRange(range: DayRange): DayRange {
  const days = daysInRange(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** "Last 7 days": today (in the zone) and the six days before it. */
export function presetRange(preset: RangePreset, timeZone: string, now: Date | number = Date.now()): DayRange {
  const today = dayIn(now, timeZone);
  return { from: addDays(today, -(presetDays[preset] - 1)), to: today };
}

export type RangeProblem = { field: "from" | "to"; message: string };

/** Why a range can't be shown, in the words next to the date fields; null when it is fine. */
export function rangeProblem(range: DayRange): RangeProblem | null {
  if (!isDay(range.from)) return { field: "from", message: "Choose a start date." };
  if (!isDay(range.to)) return { field: "to", message: "Choose an end date." };
  if (range.to < range.from) return { field: "to", message: "The end date is before the start date." };
  if (daysInRange(range) > MAX_RANGE_DAYS) return { field: "from", message: `A range can be at most ${MAX_RANGE_DAYS} days long.` };
  return null;
}
