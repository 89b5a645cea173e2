/**
 * Day boundaries in the brand's time zone, so "from Nov 3 to Nov 5" means the same three days
 * for everyone on the team, wherever they sit. Pure; no I/O.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    } catch {
      // An unknown zone name reads as UTC rather than failing the list.
      format = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatIn(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** "2026-11-03" → the instant that day starts in the time zone; null for anything that is not a date. */
export function startOfDayIn(day: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== Number(m[3])) return null;
  // Twice: the offset at the first guess can differ from the offset at the answer across a DST change.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** The instant the day after `day` starts: the exclusive end of a range that includes `day`. */
export function endOfDayIn(day: string, timeZone: string): Date | null {
  const start = startOfDayIn(day, timeZone);
  if (!start) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)!;
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return startOfDayIn(next.toISOString().slice(0, 10), timeZone);
}
