/**
 * The text one shopper receives: the personalised body, the link, and the opt-out line.
 *
 * The STOP rule (CTIA: marketing texts must say how to opt out): every campaign text ends with
 * "Reply STOP to opt out." on its own line, unless the message already contains the word STOP in
 * capitals (e.g. "Text STOP to unsubscribe"). Applied to every brand and every campaign text, so a
 * shopper never receives a marketing text without opt-out language. Pure: also used by the compose page.
 */
import { personalize, type PersonalizationValues } from "./personalize";

export const STOP_FOOTER = "Reply STOP to opt out.";

/** Whether the text already tells people how to opt out (the capitalised keyword STOP). */
export function hasOptOutLanguage(text: string): boolean {
  return /(^|[^A-Za-z])STOP([^A-Za-z]|$)/.test(text);
}

/** The text with the opt-out line appended when it lacks one. */
export function withStopFooter(text: string): string {
  return hasOptOutLanguage(text) ? text : `${text}\n${STOP_FOOTER}`;
}

export type CampaignContent = { body: string; linkUrl?: string | null };

/** Body (personalised) → link on its own line → opt-out line. Blank lines at the ends are trimmed. */
export function composeCampaignText(content: CampaignContent, values: PersonalizationValues): string {
  const body = personalize(content.body, values).trim();
  const link = content.linkUrl?.trim();
  return withStopFooter([body, link].filter(Boolean).join("\n"));
}

/** The profile fields a campaign text reads, as personalisation values. */
export function personalizationValuesOf(profile: { firstName?: string | null; lastName?: string | null } | null, brandName: string): PersonalizationValues {
  return { first_name: profile?.firstName ?? null, last_name: profile?.lastName ?? null, brand_name: brandName };
}
