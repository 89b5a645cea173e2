export { changeConsent } from "./change-consent";
export { complianceReplies } from "./compliance-replies";

/** Only SMS subscribers may receive agent or marketing texts. */
export function canReceiveMarketingOrAgent(consent: string): boolean {
  return consent === "subscribed";
}
