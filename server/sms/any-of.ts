/** A regular-expression group matching any of the alternatives: anyOf("texts?", "sms") → "(?:texts?|sms)". */
export function anyOf(...alternatives: string[]): string {
  return `(?:${alternatives.join("|")})`;
}
