/** next-auth's `error` in words: a limited attempt says how long to wait (see server/auth/authenticate.ts). */
export function signInErrorText(error: string | null | undefined): string {
  const limited = error?.match(/^TooManyAttempts:(\d+)$/);
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[1]) / 60));
    return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return "Wrong email or password.";
}
