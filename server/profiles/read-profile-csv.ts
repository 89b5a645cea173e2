/**
 * CSV text → the profiles it describes, with every problem found as a row-numbered issue.
 * Pure: knows nothing of the database; plan-profile-import.ts compares the rows with what exists.
 *
 * Row numbers are the spreadsheet's: the header is row 1, the first profile row 2, and blank lines
 * count (they are rows in Excel too), so "Row 7" is the row the marketer sees as 7.
 */
import type { SmsConsent } from "../db/generated/enums";
import { isReservedPropertyKey, propertyKeySchema } from "../segments";
import { formatPhoneForHumans, normalizePhone } from "../sms";
import {
  headerAliases,
  isEmailAddress,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_NAME_LENGTH,
  MAX_PROPERTY_VALUE_LENGTH,
  readConsent,
  readPropertyValue,
  standardColumnOf,
  type PropertyValue,
  type StandardColumn,
} from "./import-rules";
import { isBlankRecord, parseCsv } from "./parse-csv";

/** One problem: `row` null for the file as a whole; `message` is a full sentence for people. */
export type ImportIssue = { row: number | null; column: string | null; message: string };

export type ImportColumn =
  | { header: string; index: number; kind: "standard"; field: StandardColumn }
  | { header: string; index: number; kind: "property"; key: string };

/** What one valid row says; null / absent means "the file doesn't say" (keep what the profile has). */
export type ImportRow = {
  row: number;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  consent: SmsConsent | null;
  properties: Record<string, PropertyValue>;
};

export type ProfileCsv = {
  columns: ImportColumn[];
  /** Valid rows only. */
  rows: ImportRow[];
  /** Data rows in the file (blank lines not counted), valid or not. */
  rowCount: number;
  errors: ImportIssue[];
};

const MB = 1024 * 1024;

function fileError(message: string, columns: ImportColumn[] = []): ProfileCsv {
  return { columns, rows: [], rowCount: 0, errors: [{ row: null, column: null, message }] };
}

function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${shown}"`;
}

export function readProfileCsv(text: string): ProfileCsv {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    return fileError(`The file is ${(bytes / MB).toFixed(1)} MB; an import can be at most ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files.`);
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return fileError(`The file is not valid CSV. ${parsed.error.message}`);
  const records = parsed.records;
  const headerIndex = records.findIndex((r) => !isBlankRecord(r));
  if (headerIndex === -1) return fileError("The file is empty. It needs a header row (phone, first_name, …) and at least one profile.");

  const header = records[headerIndex]!;
  const dataRecords = records.map((values, i) => ({ values, row: i + 1 })).slice(headerIndex + 1).filter((r) => !isBlankRecord(r.values));

  const columnsResult = readColumns(header, dataRecords);
  if ("error" in columnsResult) return fileError(columnsResult.error);
  const columns = columnsResult.columns;

  if (dataRecords.length === 0) return fileError("The file has a header row but no profiles under it.", columns);
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    return fileError(
      `The file has ${dataRecords.length.toLocaleString("en-US")} rows; an import can have at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")}. Split it into smaller files.`,
      columns,
    );
  }

  const errors: ImportIssue[] = [];
  const rows: ImportRow[] = [];
  const firstRowOfPhone = new Map<string, number>();
  for (const record of dataRecords) {
    const result = readRow(record.values, record.row, header.length, columns);
    if ("issues" in result) {
      errors.push(...result.issues);
      continue;
    }
    const earlier = firstRowOfPhone.get(result.row.phone);
    if (earlier !== undefined) {
      errors.push({
        row: record.row,
        column: "phone",
        message: `Row ${record.row}: phone ${formatPhoneForHumans(result.row.phone)} is also in row ${earlier}; each number can appear only once.`,
      });
      continue;
    }
    firstRowOfPhone.set(result.row.phone, record.row);
    rows.push(result.row);
  }
  return { columns, rows, rowCount: dataRecords.length, errors };
}

function readColumns(header: string[], dataRecords: { values: string[] }[]): { columns: ImportColumn[] } | { error: string } {
  const columns: ImportColumn[] = [];
  const seen = new Map<string, string>();
  for (const [index, raw] of header.entries()) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (name === "") {
      // Spreadsheets often export a trailing empty column; only a column holding data needs a name.
      if (dataRecords.some((r) => (r.values[index] ?? "").trim() !== "")) {
        return { error: `Column ${index + 1} has values but no name in the header row. Name it, or delete the column.` };
      }
      continue;
    }
    const field = standardColumnOf(name);
    const identity = field ?? `property:${name.toLowerCase()}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      return { error: `The columns ${quote(earlier)} and ${quote(name)} both mean ${field ? describeField(field) : `the property ${quote(name)}`}; keep one of them.` };
    }
    seen.set(identity, name);
    if (field) {
      columns.push({ header: name, index, kind: "standard", field });
      continue;
    }
    if (isReservedPropertyKey(name)) {
      return { error: `The column name ${quote(name)} is a reserved name and can't be a property name; rename the column.` };
    }
    if (name.startsWith("$") || !propertyKeySchema.safeParse(name).success) {
      return { error: `The column name ${quote(name)} can't be a property name: use letters, digits, spaces, _ - and . only, at most 100 characters.` };
    }
    columns.push({ header: name, index, kind: "property", key: name });
  }
  if (!columns.some((c) => c.kind === "standard" && c.field === "phone")) {
    return { error: `The header row has no phone column. Name the column with the phone numbers "phone" (we also accept ${headerAliases.phone.slice(1, 4).map((a) => `"${a}"`).join(", ")}…).` };
  }
  return { columns };
}

function describeField(field: StandardColumn): string {
  switch (field) {
    case "phone":
      return "the phone number";
    case "firstName":
      return "the first name";
    case "lastName":
      return "the last name";
    case "email":
      return "the email address";
    case "consent":
      return "SMS consent";
  }
}

function readRow(values: string[], row: number, headerLength: number, columns: ImportColumn[]): { row: ImportRow } | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  // Extra values past the header are a shifted row (an unquoted comma); missing trailing values are blanks.
  if (values.length > headerLength && values.slice(headerLength).some((v) => v.trim() !== "")) {
    issues.push({
      row,
      column: null,
      message: `Row ${row}: has ${values.length} values but the header has ${headerLength} columns. A value with a comma in it needs quotes around it.`,
    });
    return { issues };
  }
  const result: ImportRow = { row, phone: "", firstName: null, lastName: null, email: null, consent: null, properties: {} };
  for (const column of columns) {
    const value = (values[column.index] ?? "").trim();
    if (column.kind === "property") {
      if (value === "") continue;
      if (value.length > MAX_PROPERTY_VALUE_LENGTH) {
        issues.push({ row, column: column.header, message: `Row ${row}: ${column.header} is ${value.length} characters long; a property value can be at most ${MAX_PROPERTY_VALUE_LENGTH}.` });
        continue;
      }
      result.properties[column.key] = readPropertyValue(value);
      continue;
    }
    switch (column.field) {
      case "phone": {
        if (value === "") {
          issues.push({ row, column: column.header, message: `Row ${row}: phone is empty; every row needs a phone number.` });
          break;
        }
        const phone = normalizePhone(value);
        if (!phone) {
          issues.push({
            row,
            column: column.header,
            message: `Row ${row}: phone ${quote(value)} is not a valid phone number. Use the full number with area code, e.g. +1 555 555 0100.`,
          });
          break;
        }
        result.phone = phone;
        break;
      }
      case "firstName":
      case "lastName": {
        if (value === "") break;
        if (value.length > MAX_NAME_LENGTH) {
          issues.push({ row, column: column.header, message: `Row ${row}: ${column.header} is ${value.length} characters long; a name can be at most ${MAX_NAME_LENGTH}.` });
          break;
        }
        result[column.field] = value;
        break;
      }
      case "email": {
        if (value === "") break;
        if (!isEmailAddress(value)) {
          issues.push({ row, column: column.header, message: `Row ${row}: email ${quote(value)} is not a valid email address.` });
          break;
        }
        result.email = value.toLowerCase();
        break;
      }
      case "consent": {
        const consent = readConsent(value);
        if (consent === null) {
          issues.push({
            row,
            column: column.header,
            message: `Row ${row}: consent ${quote(value)} is not one we understand. Use subscribed, unsubscribed or never_subscribed (or yes / no), or leave it blank.`,
          });
          break;
        }
        result.consent = consent ?? null;
        break;
      }
    }
  }
  return issues.length ? { issues } : { row: result };
}
