/**
 * "No invented facts": every order number, price, link and date in a reply must come from
 * somewhere the agent was given it: this turn's tool outputs, the conversation so far (the
 * shopper's own words, and what the brand already said), or the brand's settings.
 */
export type InventedFact = { kind: "order_number" | "price" | "url" | "date"; value: string };

export type FactSources = {
  /** Outputs of the tools this turn ran, as the model saw them. */
  toolOutputs: unknown[];
  /** Plain texts the reply may repeat: the conversation, the brand summary. */
  texts: string[];
  /** The brand's time zone: a tool's ISO timestamp may be written as that day there. */
  timeZone: string;
};

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const ORDER_NUMBER = /#\s?(\d+)|\border\s+(?:number\s+|no\.?\s*)?(\d{3,})\b/gi;
const PRICE = /\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,!?;:'")\]}]+$/;
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/gi;
const DAY_MONTH = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/gi;
const NUMERIC_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const ISO_TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
const WEEKDAY = /\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day\b/gi;

const monthIndex = (name: string) => months.indexOf(name.slice(0, 3).toLowerCase());
const monthDay = (month: number, day: number) => (month >= 0 && month < 12 && day >= 1 && day <= 31 ? `${month}-${day}` : null);

/** Month-day keys of the dates written in a text (the year is not checked). */
function datesIn(text: string): string[] {
  const keys: (string | null)[] = [];
  for (const m of text.matchAll(MONTH_DAY)) keys.push(monthDay(monthIndex(m[1]!), Number(m[2])));
  for (const m of text.matchAll(DAY_MONTH)) keys.push(monthDay(monthIndex(m[2]!), Number(m[1])));
  for (const m of text.matchAll(NUMERIC_DATE)) keys.push(monthDay(Number(m[1]) - 1, Number(m[2])));
  for (const m of text.replace(ISO_TIMESTAMP, "").matchAll(ISO_DATE)) keys.push(monthDay(Number(m[2]) - 1, Number(m[3])));
  return keys.filter((k): k is string => k !== null);
}

/** The calendar day of an instant in a time zone, as a month-day key and a weekday. */
function dayIn(instant: Date, timeZone: string): { key: string; weekday: string } {
  const parts = new Intl.DateTimeFormat("en-US", { month: "numeric", day: "numeric", weekday: "short", timeZone }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { key: `${Number(get("month")) - 1}-${Number(get("day"))}`, weekday: get("weekday").slice(0, 3).toLowerCase() };
}

function priceCents(whole: string, fraction: string | undefined): number {
  return Number(whole.replace(/,/g, "")) * 100 + (fraction ? Number(fraction.padEnd(2, "0")) : 0);
}

/** Money in tool outputs: *Cents fields as cents, price/total/amount fields as dollars. */
function pricesInValue(value: unknown, key: string, into: Set<number>): void {
  if (Array.isArray(value)) return value.forEach((v) => pricesInValue(v, key, into));
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) pricesInValue(v, k, into);
    return;
  }
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n)) return;
  if (/cents$/i.test(key)) into.add(Math.round(n));
  else if (/price|total|amount|cost|threshold|minimum/i.test(key)) into.add(Math.round(n * 100));
}

const normalizeUrl = (url: string) => url.replace(TRAILING_PUNCTUATION, "").replace(/\/$/, "").toLowerCase();

export function findInventedFacts(reply: string, sources: FactSources): InventedFact[] {
  const sourceText = [...sources.texts, ...sources.toolOutputs.map((o) => (typeof o === "string" ? o : JSON.stringify(o ?? null)))].join("\n");
  const numbers = new Set(sourceText.match(/\d+/g) ?? []);
  const prices = new Set<number>();
  for (const m of sourceText.matchAll(PRICE)) prices.add(priceCents(m[1]!, m[2]));
  pricesInValue(sources.toolOutputs, "", prices);
  const dates = new Set(datesIn(sourceText));
  const days = new Set<string>();
  for (const m of sourceText.matchAll(WEEKDAY)) days.add(m[1]!.slice(0, 3).toLowerCase());
  for (const m of sourceText.matchAll(ISO_TIMESTAMP)) {
    const instant = new Date(m[0]);
    if (Number.isNaN(instant.getTime())) continue;
    // Either reading is honest: the day where the brand is, or the day in UTC.
    for (const zone of [sources.timeZone, "UTC"]) {
      const d = dayIn(instant, zone);
      dates.add(d.key);
      days.add(d.weekday);
    }
  }
  const lowerSource = sourceText.toLowerCase();

  const invented: InventedFact[] = [];
  const add = (kind: InventedFact["kind"], value: string) => {
    if (!invented.some((f) => f.kind === kind && f.value === value)) invented.push({ kind, value });
  };
  for (const m of reply.matchAll(ORDER_NUMBER)) {
    const digits = (m[1] ?? m[2])!;
    if (!numbers.has(digits)) add("order_number", `#${digits}`);
  }
  for (const m of reply.matchAll(PRICE)) {
    if (!prices.has(priceCents(m[1]!, m[2]))) add("price", m[0]);
  }
  const urls = Array.from(reply.matchAll(URL), (m) => m[0].replace(TRAILING_PUNCTUATION, ""));
  for (const url of urls) {
    if (!lowerSource.includes(normalizeUrl(url))) add("url", url);
  }
  const withoutUrls = urls.reduce((text, url) => text.replace(url, " "), reply);
  const replyDates = new Map<string, string>();
  for (const pattern of [MONTH_DAY, DAY_MONTH, NUMERIC_DATE, ISO_DATE]) {
    for (const m of withoutUrls.matchAll(pattern)) {
      const [key] = datesIn(m[0]);
      if (key) replyDates.set(key, m[0]);
    }
  }
  for (const [key, written] of replyDates) if (!dates.has(key)) add("date", written);
  for (const m of withoutUrls.matchAll(WEEKDAY)) {
    if (!days.has(m[1]!.slice(0, 3).toLowerCase())) add("date", m[0]);
  }
  return invented;
}
