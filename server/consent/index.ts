export { changeConsent } from "./change-consent";
export { complianceReplies } from "./compliance-replies";
export { recordConsentChanges, type ConsentChangeInput } from "./record-consent-changes";
export { complianceTextsFor, updateComplianceTexts, validateComplianceTexts, getQuietHours, updateQuietHours, type ComplianceTexts } from "./compliance-settings";
export { isWithinQuietHours, validateQuietHours, defaultQuietHours, formatHour, localHour, type QuietHours } from "./quiet-hours";

/** Only SMS subscribers may receive agent or marketing texts. */
export function canReceiveMarketingOrAgent(consent: string): boolean {
  return consent === "subscribed";
}
