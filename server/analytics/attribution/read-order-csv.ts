/**
 * CSV text → the orders it describes, with every problem as a row-numbered issue (the header is
 * row 1, blank lines count, like the profiles import). Pure: matching rows to profiles and to
 * orders already recorded happens in import-orders.ts.
 *
 * Columns (header names are matched loosely, like the profiles import): order number, phone and/or
 * email (at least one per row), total, placed at, and optionally currency.
 * - total: a plain amount in the currency's major unit ("48.50", "$1,234.00"); never negative.
 * - placed at: an ISO time with a zone ("2026-03-01T14:05:00Z", "…-05:00"), or a date / date and
 *   time without one ("2026-03-01", "2026-03-01 14:05", "3/1/2026 2:05 PM"), read in the brand's time zone.
 */
import { headerKey, isEmailAddress, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../../profiles/import-rules";
import { isBlankRecord, parseCsv } from "../../profiles/parse-csv";
import { normalizePhone } from "../../sms";
import { instantOfWallTime } from "../performance/period";
import { normalizeOrderNumber } from "./record-placed-order";

export type OrderColumn = "orderNumber" | "phone" | "email" | "total" | "placedAt" | "currency";

export const orderHeaderAliases: Record<OrderColumn, readonly string[]> = {
  // "name" last: Shopify's order export calls the order number "Name" (#1001).
  orderNumber: ["order_number", "order number", "order", "order_no", "order #", "order_id", "order id", "number", "name"],
  phone: ["phone", "phone_number", "phone number", "mobile", "customer_phone", "customer phone", "billing_phone", "sms"],
  email: ["email", "e-mail", "email_address", "customer_email", "customer email"],
  total: ["total", "order_total", "total_price", "total price", "amount", "value", "revenue"],
  placedAt: ["placed_at", "placed at", "created_at", "created at", "order_date", "order date", "date", "processed_at", "placed"],
  currency: ["currency", "currency_code"],
};

/** Header key → its column and rank (earlier aliases win when a file has several, e.g. Phone and Billing Phone). */
const columnByKey = new Map<string, { column: OrderColumn; rank: number }>(
  (Object.entries(orderHeaderAliases) as [OrderColumn, readonly string[]][]).flatMap(([column, aliases]) => aliases.map((alias, rank) => [headerKey(alias), { column, rank }] as const)),
);

export type OrderImportIssue = { row: number | null; column: string | null; message: string };

export type OrderCsvRow = {
  row: number;
  orderNumber: string;
  phone: string | null;
  email: string | null;
  totalCents: number;
  currency: string;
  placedAt: Date;
};

export type OrderCsv = { rows: OrderCsvRow[]; rowCount: number; errors: OrderImportIssue[]; columns: OrderColumn[] };

const MB = 1024 * 1024;
/** A few minutes of clock skew is fine; an order from tomorrow is a typo. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const MAX_TOTAL_CENTS = 100_000_000_00;

/** "$1,234.50" → 123450; null for anything that isn't a non-negative amount with at most 2 decimals. */
export function parseMoneyToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^[A-Z]{3}\s*/i, "").replace(/\s*[A-Z]{3}$/i, "").replace(/^[$€£¥]/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) && cents <= MAX_TOTAL_CENTS ? cents : null;
}

/** An order time: ISO with a zone as given; a date or date-time without one, in the brand's zone. */
export function parseOrderTime(text: string, timeZone: string): Date | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const d = new Date(t.replace(" ", "T"));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(t);
  let parts: { year: number; month: number; day: number; hour: number; minute: number; second: number } | null = null;
  if (iso) parts = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]!, hour: +(iso[4] ?? 0), minute: +(iso[5] ?? 0), second: +(iso[6] ?? 0) };
  else if (us) {
    let hour = +(us[4] ?? 0);
    const meridiem = us[7]?.toLowerCase();
    if (meridiem && (hour < 1 || hour > 12)) return null;
    if (meridiem === "pm" && hour < 12) hour += 12;
    if (meridiem === "am" && hour === 12) hour = 0;
    parts = { year: +us[3]!, month: +us[1]!, day: +us[2]!, hour, minute: +(us[5] ?? 0), second: +(us[6] ?? 0) };
  }
  if (!parts) return null;
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  return instantOfWallTime(parts, timeZone);
}

function quote(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

function fileError(message: string): OrderCsv {
  return { rows: [], rowCount: 0, errors: [{ row: null, column: null, message }], columns: [] };
}

export function readOrderCsv(text: string, opts: { timeZone: string; now?: Date }): OrderCsv {
  const now = opts.now ?? new Date();
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return fileError(`The file is ${(bytes / MB).toFixed(1)} MB; an import can be at most ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files.`);
  const parsed = parseCsv(text);
  if (!parsed.ok) return fileError(`The file is not valid CSV. ${parsed.error.message}`);
  const headerIndex = parsed.records.findIndex((r) => !isBlankRecord(r));
  if (headerIndex === -1) return fileError("The file is empty. It needs a header row (order_number, phone, email, total, placed_at) and at least one order.");
  const header = parsed.records[headerIndex]!;
  const data = parsed.records.map((values, i) => ({ values, row: i + 1 })).slice(headerIndex + 1).filter((r) => !isBlankRecord(r.values));

  const indexOf = new Map<OrderColumn, number>();
  const rankOf = new Map<OrderColumn, number>();
  for (const [index, raw] of header.entries()) {
    const match = columnByKey.get(headerKey(raw.trim()));
    if (!match) continue;
    const { column, rank } = match;
    if (rankOf.has(column) && rankOf.get(column)! <= rank) continue;
    indexOf.set(column, index);
    rankOf.set(column, rank);
  }
  const missing = [
    !indexOf.has("orderNumber") && "an order number column (order_number)",
    !indexOf.has("phone") && !indexOf.has("email") && "a phone or email column",
    !indexOf.has("total") && "a total column",
    !indexOf.has("placedAt") && "a placed at column (placed_at)",
  ].filter(Boolean);
  if (missing.length) return fileError(`The header row needs ${missing.join(", ")}. Other columns are ignored.`);
  if (data.length === 0) return fileError("The file has a header row but no orders under it.");
  if (data.length > MAX_IMPORT_ROWS) return fileError(`The file has ${data.length.toLocaleString("en-US")} rows; an import can have at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")}. Split it into smaller files.`);

  const cell = (values: string[], column: OrderColumn) => (indexOf.has(column) ? (values[indexOf.get(column)!] ?? "").trim() : "");
  const errors: OrderImportIssue[] = [];
  const rows: OrderCsvRow[] = [];
  const firstRowOfNumber = new Map<string, number>();
  for (const { values, row } of data) {
    const issues: OrderImportIssue[] = [];
    const add = (column: string, message: string) => issues.push({ row, column, message: `Row ${row}: ${message}` });

    const orderNumber = normalizeOrderNumber(cell(values, "orderNumber"));
    if (!orderNumber) add("order_number", "the order number is empty.");
    else if (orderNumber.length > 64) add("order_number", "the order number is longer than 64 characters.");

    const phoneText = cell(values, "phone");
    const emailText = cell(values, "email");
    const phone = phoneText ? normalizePhone(phoneText) : null;
    if (phoneText && !phone) add("phone", `phone ${quote(phoneText)} is not a valid phone number. Use the full number with area code, e.g. +1 555 555 0100.`);
    if (emailText && !isEmailAddress(emailText)) add("email", `email ${quote(emailText)} is not a valid email address.`);
    if (!phoneText && !emailText) add("phone", "needs a phone number or an email address to find the shopper.");

    const totalText = cell(values, "total");
    const totalCents = totalText ? parseMoneyToCents(totalText) : null;
    if (!totalText) add("total", "the total is empty.");
    else if (totalCents === null) add("total", `total ${quote(totalText)} is not an amount. Write it like 48.50 (no negative amounts).`);

    const placedText = cell(values, "placedAt");
    const placedAt = placedText ? parseOrderTime(placedText, opts.timeZone) : null;
    if (!placedText) add("placed_at", "the placed at date is empty.");
    else if (!placedAt) add("placed_at", `placed at ${quote(placedText)} is not a date we understand. Use 2026-03-01 14:05 or 2026-03-01T14:05:00Z.`);
    else if (placedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) add("placed_at", `placed at ${quote(placedText)} is in the future.`);

    const currencyText = cell(values, "currency").toUpperCase();
    if (currencyText && !/^[A-Z]{3}$/.test(currencyText)) add("currency", `currency ${quote(currencyText)} is not a three-letter code such as USD.`);

    if (!issues.length && orderNumber) {
      const earlier = firstRowOfNumber.get(orderNumber);
      if (earlier !== undefined) add("order_number", `order ${orderNumber} is also in row ${earlier}; each order can appear only once.`);
      else firstRowOfNumber.set(orderNumber, row);
    }
    if (issues.length) {
      errors.push(...issues);
      continue;
    }
    rows.push({ row, orderNumber, phone, email: emailText ? emailText.toLowerCase() : null, totalCents: totalCents!, currency: currencyText || "USD", placedAt: placedAt! });
  }
  return { rows, rowCount: data.length, errors, columns: [...indexOf.keys()] };
}
