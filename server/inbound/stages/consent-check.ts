import { canReceiveMarketingOrAgent } from "../../consent";
import { next, profileOf, stop, type Stage } from "../pipeline-types";

/** 5. Only SMS subscribers may be answered; texting in does not subscribe anyone. */
export const consentCheck: Stage = {
  name: "consent",
  async run(ctx) {
    return canReceiveMarketingOrAgent(profileOf(ctx).smsConsent) ? next : stop("not_subscribed");
  },
};
