/** Emails as Parley stores them (trimmed, lower-case), and the one rule an invitation checks. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 254;

/** What is wrong with an email, in the words shown next to the field, or null. */
export function emailProblem(email: string): string | null {
  const value = normalizeEmail(email);
  if (!value) return "Enter the email address of the person to invite.";
  if (value.length > EMAIL_MAX_LENGTH) return `An email address is at most ${EMAIL_MAX_LENGTH} characters; this one is ${value.length}.`;
  if (!EMAIL.test(value)) return `“${value}” isn’t an email address, e.g. sam@yourbrand.com.`;
  return null;
}
