// Countries of the North American Numbering Plan whose national numbers we can read (+1).
const NANP_COUNTRIES = new Set(["US", "CA"]);
// What people type around a number; anything else (letters, "ext.") means it is not one.
const SEPARATORS = /[\s().\-/]/g;
// NANP: area code and exchange both start with 2-9.
const NANP_NATIONAL = /^[2-9]\d{2}[2-9]\d{6}$/;
// E.164: up to 15 digits, country codes never start with 0; 8 is the shortest we accept.
const E164_DIGITS = /^[1-9]\d{7,14}$/;

/**
 * E.164 form ("+15555550100") of a typed phone number, or null when it cannot be one.
 * National (no "+") input is read as NANP when defaultCountry is US or CA; other countries
 * must be written with "+".
 */
export function normalizePhone(input: string, defaultCountry = "US"): string | null {
  const trimmed = input.trim();
  const isInternational = trimmed.startsWith("+");
  const digits = (isInternational ? trimmed.slice(1) : trimmed).replace(SEPARATORS, "");
  if (!/^\d+$/.test(digits)) return null;

  if (isInternational) {
    // +1 is always NANP, where every number has exactly ten digits after the 1.
    if (digits.startsWith("1")) return nanpE164(digits.slice(1));
    return E164_DIGITS.test(digits) ? `+${digits}` : null;
  }
  if (!NANP_COUNTRIES.has(defaultCountry.toUpperCase())) return null;
  return nanpE164(digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits);
}

function nanpE164(national: string): string | null {
  return NANP_NATIONAL.test(national) ? `+1${national}` : null;
}
