/** How a brand keyword is stored and compared: " join  now" → "JOIN NOW" (accents composed: É, not E + ◌́). */
export function normalizeKeyword(keyword: string): string {
  return keyword.normalize("NFC").trim().replace(/\s+/g, " ").toUpperCase();
}
