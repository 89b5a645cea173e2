/**
 * Numbers and dates for people, through Intl. Dates are shown in the brand's time zone
 * (passed in), so everyone on a team sees the same day boundaries.
 */
const LOCALE = "en-US";

const integer = new Intl.NumberFormat(LOCALE);

export function formatNumber(n: number): string {
  return integer.format(n);
}

/** "1 segment", "3 orders": English plural with the number formatted. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

const durationFormats = {
  ms: new Intl.NumberFormat(LOCALE, { style: "unit", unit: "millisecond", unitDisplay: "short", maximumFractionDigits: 0 }),
  s: new Intl.NumberFormat(LOCALE, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 }),
};

/** 840 → "840 ms", 2300 → "2.3 sec". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? durationFormats.ms.format(ms) : durationFormats.s.format(ms / 1000);
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone ?? ""}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    } catch {
      // An unknown time zone name falls back to the viewer's own.
      format = new Intl.DateTimeFormat(LOCALE, options);
    }
    cache.set(key, format);
  }
  return format;
}

export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "Nov 21, 2026, 3:04:05 PM EST": the exact moment, for title attributes. */
export function formatExact(value: Date | string | number, timeZone?: string): string {
  return dateFormat(timeZone, { dateStyle: "medium", timeStyle: "long" }).format(toDate(value));
}

/** "3:04 PM". */
export function formatTime(value: Date | string | number, timeZone?: string): string {
  return dateFormat(timeZone, { hour: "numeric", minute: "2-digit" }).format(toDate(value));
}

/** "Nov 21, 3:04 PM". */
export function formatDateTime(value: Date | string | number, timeZone?: string): string {
  return dateFormat(timeZone, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(toDate(value));
}

/** A key that is equal for two moments on the same calendar day in the time zone. */
export function dayKey(value: Date | string | number, timeZone?: string): string {
  return dateFormat(timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(toDate(value));
}

/** "Today", "Yesterday" or "Friday, November 21, 2026", for transcript day separators. */
export function formatDay(value: Date | string | number, timeZone: string | undefined, now: number): string {
  const key = dayKey(value, timeZone);
  if (key === dayKey(now, timeZone)) return "Today";
  if (key === dayKey(now - 86_400_000, timeZone)) return "Yesterday";
  return dateFormat(timeZone, { weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(toDate(value));
}

/** "just now", "3 min ago", "2 h ago", "yesterday", "4 days ago", then the date; "in 5 min" for the future. */
export function formatRelative(value: Date | string | number, now: number, timeZone?: string): string {
  const date = toDate(value);
  const diffSeconds = Math.round((now - date.getTime()) / 1000);
  const future = diffSeconds < 0;
  const abs = Math.abs(diffSeconds);
  const say = (n: number, unit: string) => (future ? `in ${integer.format(n)} ${unit}` : `${integer.format(n)} ${unit} ago`);
  // A few seconds "in the future" is clock skew between server and browser, not a future event.
  if (diffSeconds >= -30 && diffSeconds < 45) return "just now";
  if (future && abs < 60) return "in a moment";
  if (abs < 3600) return say(Math.max(1, Math.round(abs / 60)), "min");
  if (abs < 86_400) return say(Math.round(abs / 3600), "h");
  const days = Math.round(abs / 86_400);
  if (!future && days === 1) return "yesterday";
  if (days < 7) return say(days, days === 1 ? "day" : "days");
  const sameYear = dayKey(date, timeZone).slice(-4) === dayKey(now, timeZone).slice(-4);
  return dateFormat(timeZone, sameYear ? { month: "short", day: "numeric" } : { month: "short", day: "numeric", year: "numeric" }).format(date);
}
