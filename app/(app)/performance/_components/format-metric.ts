/**
 * How the performance page writes its numbers: money, shares, durations and the change against the
 * previous period, through Intl. Pure, so the cards, charts and tables agree (and tests can check).
 */
const LOCALE = "en-US";

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${currency}|${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    } catch {
      format = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "USD", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** 699900 → "$6,999.00". */
export function formatMoney(cents: number, currency = "USD"): string {
  return moneyFormat(currency, 2).format(cents / 100);
}

/** Axis labels: 699900 → "$6,999" (no cents). */
export function formatMoneyShort(cents: number, currency = "USD"): string {
  return moneyFormat(currency, 0).format(Math.round(cents / 100));
}

/** Segment costs are fractions of a cent each: 4.74 cents → "$0.0474" under a dollar, "$12.35" above. */
export function formatCost(cents: number, currency = "USD"): string {
  if (cents > 0 && cents < 100) {
    return new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(cents / 100);
  }
  return formatMoney(Math.round(cents), currency);
}

const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 0 });
const percentFine = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });

/** 0.2857 → "29%"; null → "—" (no conversations, no rate). */
export function formatShare(share: number | null): string {
  if (share === null) return "—";
  // A share that rounds to 0% or 100% but isn't shows a decimal, so "0%" always means none.
  const rounded = Math.round(share * 100);
  if (rounded === 0 && share > 0) return percentFine.format(Math.max(Math.round(share * 1000), 1) / 1000);
  if (rounded === 100 && share < 1) return percentFine.format(Math.min(Math.round(share * 1000), 999) / 1000);
  return percent.format(share);
}

/** 11 → "11 sec", 125 → "2 min 5 sec", 3900 → "1 h 5 min"; null → "—". */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} sec`;
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} sec` : `${s / 60} min`;
  }
  const minutes = Math.round((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
}

/** Whether more is better, worse, or neither (segments are spent, not earned). */
export type Goodness = "higher" | "lower" | "neutral";

export type Change =
  | { kind: "none" }
  | { kind: "new" }
  | { kind: "gone" }
  | { kind: "same" }
  | { kind: "change"; direction: "up" | "down"; percent: number; tone: "good" | "bad" | "neutral" };

/** The change from the previous period's value to this one, as a % of the previous value. */
export function changeOf(current: number | null, previous: number | null, goodness: Goodness): Change {
  if (current === null || previous === null) return { kind: "none" };
  if (current === previous) return { kind: "same" };
  if (previous === 0) return { kind: "new" };
  if (current === 0) return { kind: "gone" };
  const ratio = (current - previous) / Math.abs(previous);
  const direction = ratio > 0 ? "up" : "down";
  const tone = goodness === "neutral" ? "neutral" : (direction === "up") === (goodness === "higher") ? "good" : "bad";
  return { kind: "change", direction, percent: Math.abs(ratio), tone };
}

/** "up 12%", "down 3%", "new", … in words for screen readers and titles. */
export function describeChange(change: Change, previousLabel: string): string {
  switch (change.kind) {
    case "none":
      return `Nothing to compare with ${previousLabel}.`;
    case "same":
      return `Same as ${previousLabel}.`;
    case "new":
      return `None in ${previousLabel}.`;
    case "gone":
      return `Down 100% from ${previousLabel}.`;
    case "change":
      return `${change.direction === "up" ? "Up" : "Down"} ${formatShare(change.percent)} from ${previousLabel}.`;
  }
}

const dayFormats = {
  short: new Intl.DateTimeFormat(LOCALE, { month: "short", day: "numeric", timeZone: "UTC" }),
  long: new Intl.DateTimeFormat(LOCALE, { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }),
  withYear: new Intl.DateTimeFormat(LOCALE, { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }),
};

/** "2026-01-12" → "Jan 12" (a calendar day, so formatted as UTC: no zone can move it). */
export function formatDayShort(day: string): string {
  return dayFormats.short.format(new Date(`${day}T00:00:00Z`));
}

/** "2026-01-12" → "Mon, Jan 12, 2026". */
export function formatDayLong(day: string): string {
  return dayFormats.long.format(new Date(`${day}T00:00:00Z`));
}

/** "Jan 10 – Jan 16, 2026", or one day. */
export function formatRange(from: string, to: string): string {
  if (from === to) return dayFormats.withYear.format(new Date(`${from}T00:00:00Z`));
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${sameYear ? formatDayShort(from) : dayFormats.withYear.format(new Date(`${from}T00:00:00Z`))} – ${dayFormats.withYear.format(new Date(`${to}T00:00:00Z`))}`;
}
