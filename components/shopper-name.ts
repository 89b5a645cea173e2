/** "Ava Chen", or null when the profile has no name yet. */
export function shopperName(shopper: { firstName: string | null; lastName: string | null } | null | undefined): string | null {
  const name = [shopper?.firstName, shopper?.lastName].filter(Boolean).join(" ");
  return name || null;
}
