/**
 * The rows of a profile CSV against the brand's existing profiles → exactly what an import will
 * write. Pure, so the preview and the import (which re-plans inside its transaction) agree.
 *
 * Consent rules (TCPA / CTIA: an opt-out stands until the person opts back in themselves):
 * - An import never resubscribes someone who is unsubscribed. The row's other fields are imported,
 *   consent stays unsubscribed, and the row gets a warning. Only the shopper texting START (or a
 *   keyword that subscribes) brings them back.
 * - "never_subscribed" can't undo a subscription or an opt-out (it would rewrite history): such a
 *   profile keeps its consent, with a warning.
 * - Everything else is applied and recorded in the consent ledger with source "import".
 * Blank cells change nothing; custom properties are merged into the profile's properties.
 */
import type { SmsConsent } from "../db/generated/enums";
import { formatPhoneForHumans } from "../sms";
import type { PropertyValue } from "./import-rules";
import type { ImportColumn, ImportIssue, ProfileCsv } from "./read-profile-csv";

export type ExistingProfile = {
  id: string;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  smsConsent: SmsConsent;
  properties: unknown;
};

export type ImportAction = "create" | "update" | "unchanged";

export type PlannedProfile = {
  row: number;
  phone: string;
  action: ImportAction;
  /** The existing profile's id; null for a new one. */
  profileId: string | null;
  /** What the import writes: only fields the file gives that differ from the profile. */
  set: { firstName?: string; lastName?: string; email?: string; properties: Record<string, PropertyValue> };
  /** The consent change to record, if any. */
  consentChange: { from: SmsConsent; to: SmsConsent } | null;
  /** The profile as it will be afterwards (what the preview shows). */
  after: { firstName: string | null; lastName: string | null; email: string | null; smsConsent: SmsConsent; properties: Record<string, unknown> };
};

export type ImportCounts = {
  /** Data rows in the file. */
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  subscribed: number;
  unsubscribed: number;
  errors: number;
  warnings: number;
};

export type ImportPlan = {
  columns: ImportColumn[];
  profiles: PlannedProfile[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  counts: ImportCounts;
};

export const IMPORT_CONSENT_SOURCE = "import";

function propertiesOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function planProfileImport(csv: ProfileCsv, existing: readonly ExistingProfile[]): ImportPlan {
  const byPhone = new Map(existing.map((p) => [p.phone, p]));
  const warnings: ImportIssue[] = [];
  const profiles = csv.rows.map((row): PlannedProfile => {
    const current = byPhone.get(row.phone);
    if (!current) {
      const smsConsent = row.consent ?? "never_subscribed";
      return {
        row: row.row,
        phone: row.phone,
        action: "create",
        profileId: null,
        set: {
          ...(row.firstName !== null ? { firstName: row.firstName } : {}),
          ...(row.lastName !== null ? { lastName: row.lastName } : {}),
          ...(row.email !== null ? { email: row.email } : {}),
          properties: row.properties,
        },
        consentChange: smsConsent === "never_subscribed" ? null : { from: "never_subscribed", to: smsConsent },
        after: { firstName: row.firstName, lastName: row.lastName, email: row.email, smsConsent, properties: row.properties },
      };
    }

    const set: PlannedProfile["set"] = { properties: {} };
    if (row.firstName !== null && row.firstName !== current.firstName) set.firstName = row.firstName;
    if (row.lastName !== null && row.lastName !== current.lastName) set.lastName = row.lastName;
    if (row.email !== null && row.email !== current.email) set.email = row.email;
    const currentProperties = propertiesOf(current.properties);
    for (const [key, value] of Object.entries(row.properties)) {
      if (!Object.hasOwn(currentProperties, key) || currentProperties[key] !== value) set.properties[key] = value;
    }

    const decision = decideConsent(current.smsConsent, row.consent);
    if (decision.type === "keep_with_warning") {
      warnings.push({ row: row.row, column: "consent", message: `Row ${row.row}: ${formatPhoneForHumans(row.phone)} ${decision.reason}` });
    }
    const consentChange = decision.type === "change" ? { from: current.smsConsent, to: decision.to } : null;
    const hasChanges = consentChange !== null || set.firstName !== undefined || set.lastName !== undefined || set.email !== undefined || Object.keys(set.properties).length > 0;
    return {
      row: row.row,
      phone: row.phone,
      action: hasChanges ? "update" : "unchanged",
      profileId: current.id,
      set,
      consentChange,
      after: {
        firstName: row.firstName ?? current.firstName,
        lastName: row.lastName ?? current.lastName,
        email: row.email ?? current.email,
        smsConsent: consentChange?.to ?? current.smsConsent,
        properties: { ...currentProperties, ...row.properties },
      },
    };
  });

  const count = (predicate: (p: PlannedProfile) => boolean) => profiles.filter(predicate).length;
  return {
    columns: csv.columns,
    profiles,
    errors: csv.errors,
    warnings,
    counts: {
      rows: csv.rowCount,
      create: count((p) => p.action === "create"),
      update: count((p) => p.action === "update"),
      unchanged: count((p) => p.action === "unchanged"),
      subscribed: count((p) => p.consentChange?.to === "subscribed"),
      unsubscribed: count((p) => p.consentChange?.to === "unsubscribed"),
      errors: csv.errors.length,
      warnings: warnings.length,
    },
  };
}

type ConsentDecision = { type: "keep" } | { type: "change"; to: SmsConsent } | { type: "keep_with_warning"; reason: string };

/** What an import may do to one existing profile's consent (see the rules at the top). */
export function decideConsent(current: SmsConsent, requested: SmsConsent | null): ConsentDecision {
  if (requested === null || requested === current) return { type: "keep" };
  switch (current) {
    case "unsubscribed":
      return requested === "subscribed"
        ? { type: "keep_with_warning", reason: "opted out of texts and stays unsubscribed: an import can't resubscribe someone. They can text START to rejoin." }
        : { type: "keep_with_warning", reason: "opted out of texts and stays unsubscribed (never_subscribed can't undo an opt-out)." };
    case "subscribed":
      return requested === "unsubscribed"
        ? { type: "change", to: "unsubscribed" }
        : { type: "keep_with_warning", reason: "is subscribed and stays subscribed: never_subscribed can't undo a subscription. Use unsubscribed to opt them out." };
    case "never_subscribed":
      return { type: "change", to: requested };
  }
}
