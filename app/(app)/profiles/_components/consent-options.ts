import type { SmsConsent } from "@/components/trpc";

export const CONSENT_VALUES: SmsConsent[] = ["subscribed", "unsubscribed", "never_subscribed"];

export function isSmsConsent(value: string | null): value is SmsConsent {
  return value !== null && (CONSENT_VALUES as string[]).includes(value);
}
