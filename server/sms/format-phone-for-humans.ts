const NANP_E164 = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** "+15555550100" → "+1 (555) 555-0100"; numbers outside NANP are shown in E.164 as given. */
export function formatPhoneForHumans(e164: string): string {
  const match = NANP_E164.exec(e164);
  if (!match) return e164;
  const [, area, exchange, line] = match;
  return `+1 (${area}) ${exchange}-${line}`;
}
