/**
 * Keeps credentials out of text that is stored or shown (delivery logs, error messages): a
 * service that echoes the key it was sent ("invalid API key sk_…") must not put it in our database.
 */
const REDACTED = "[redacted]";
// Too short to be a credential, and replacing it would mangle ordinary words.
const MIN_SECRET_LENGTH = 6;

/** `text` with every occurrence of each secret, and any Authorization-style credential, replaced by [redacted]. */
export function redactSecrets(text: string, secrets: Iterable<string | null | undefined>): string {
  let out = text;
  const values = [...secrets].filter((s): s is string => typeof s === "string" && s.trim().length >= MIN_SECRET_LENGTH);
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of values.sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  return out.replace(/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`);
}
