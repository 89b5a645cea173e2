/**
 * The rules of a profile CSV import, as data: limits, which headers mean which field, how consent
 * and property values are read. Pure (no I/O), so the import page can show the same rules it is
 * held to.
 */
import type { SmsConsent } from "../db/generated/enums";

/** One import is one database transaction; these keep it to seconds, not minutes. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** Matches the segment builder's limit on a compared text, so every imported value can be segmented on. */
export const MAX_PROPERTY_VALUE_LENGTH = 500;
export const MAX_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;

export type StandardColumn = "phone" | "firstName" | "lastName" | "email" | "consent";

/** Header spellings per field, compared after lower-casing and dropping everything but letters and digits. */
export const headerAliases: Record<StandardColumn, readonly string[]> = {
  phone: ["phone", "phone_number", "phone number", "mobile", "mobile_number", "mobile phone", "cell", "cell_phone", "sms", "sms_number", "telephone", "tel", "msisdn"],
  firstName: ["first_name", "first name", "firstname", "first", "given_name", "given name", "fname"],
  lastName: ["last_name", "last name", "lastname", "last", "surname", "family_name", "family name", "lname"],
  email: ["email", "e-mail", "email_address", "email address", "mail"],
  consent: ["consent", "sms_consent", "sms consent", "sms_status", "sms_subscribed", "subscribed", "sms_opt_in", "opt_in", "accepts_sms_marketing", "sms_marketing"],
};

export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const columnByKey = new Map<string, StandardColumn>(
  (Object.entries(headerAliases) as [StandardColumn, readonly string[]][]).flatMap(([column, aliases]) => aliases.map((alias) => [headerKey(alias), column] as const)),
);

/** The standard field a header names, or null when it is a custom property. */
export function standardColumnOf(header: string): StandardColumn | null {
  return columnByKey.get(headerKey(header)) ?? null;
}

/**
 * Consent words. "no" / "false" mean the person said no to texts, so they are recorded as
 * unsubscribed (the conservative reading: nobody gets texted on a guess). A blank cell changes
 * nothing (a new profile starts as never subscribed).
 */
export const consentWords: Record<SmsConsent, readonly string[]> = {
  subscribed: ["subscribed", "yes", "y", "true", "1", "opted_in", "opt_in"],
  unsubscribed: ["unsubscribed", "no", "n", "false", "0", "opted_out", "opt_out"],
  never_subscribed: ["never_subscribed", "never"],
};

const consentByWord = new Map<string, SmsConsent>(
  (Object.entries(consentWords) as [SmsConsent, readonly string[]][]).flatMap(([consent, words]) => words.map((word) => [word, consent] as const)),
);

/** The consent a cell asks for; undefined for a blank cell, null for a word we don't know. */
export function readConsent(value: string): SmsConsent | null | undefined {
  const word = value.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (word === "") return undefined;
  return consentByWord.get(word) ?? null;
}

export type PropertyValue = string | number | boolean;

// Plain decimals only: no leading zeros (ZIP codes, IDs keep them as text), no exponent, no "+".
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/;

/**
 * A custom column's cell as a property value: plain numbers ("42", "19.99") become numbers so
 * segments can compare them ("greater than"), true/false become booleans, everything else stays
 * text exactly as written (trimmed).
 */
export function readPropertyValue(value: string): PropertyValue {
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return text;
}

// The shape of an email address, not a deliverability check.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}
