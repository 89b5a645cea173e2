/**
 * The GSM 03.38 alphabet that carriers use for 7-bit SMS, keyed by the Unicode character.
 */

// Default alphabet (ESC at 0x1B excluded): each character is one septet.
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

// Extension table: reached through the ESC septet, so each of these costs two septets.
const EXTENSION = "\f^{}\\[~]|€";

const SEPTETS = new Map<string, 1 | 2>([
  ...Array.from(BASIC, (char) => [char, 1] as const),
  ...Array.from(EXTENSION, (char) => [char, 2] as const),
]);

/** Septets one character costs in GSM-7, or undefined when GSM-7 cannot carry it. */
export function gsm7Septets(char: string): 1 | 2 | undefined {
  return SEPTETS.get(char);
}

export function isGsm7Text(text: string): boolean {
  for (const char of text) {
    if (!SEPTETS.has(char)) return false;
  }
  return true;
}
