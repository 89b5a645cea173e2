/**
 * The rules for a new password (set when accepting an invitation). Length is what matters
 * (NIST SP 800-63B): at least 10 characters, no composition rules; capped so hashing stays cheap.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with a new password, in the words shown next to the field, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters; this password has ${password.length}.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters; this password has ${password.length}.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "Don’t use your email address as your password.";
  return null;
}
