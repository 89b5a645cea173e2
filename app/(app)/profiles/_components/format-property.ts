import { formatNumber } from "@/components/ui/format";

/** A property value as text: numbers as stored (an order id or a year reads wrong with separators), true/false, lists and objects summarised. */
export function formatPropertyValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.every((v) => typeof v !== "object") ? value.join(", ") : `${formatNumber(value.length)} items`;
  return JSON.stringify(value);
}

/** The profile's custom properties as [key, value] pairs, in a stable (alphabetical) order. */
export function propertyEntries(properties: unknown): [string, unknown][] {
  if (properties === null || typeof properties !== "object" || Array.isArray(properties)) return [];
  return Object.entries(properties as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
}
