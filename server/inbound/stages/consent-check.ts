import { canReceiveMarketingOrAgent } from "../../consent";
import { next, profileOf, type Stage } from "../pipeline-types";

/**
 * 5. Only SMS subscribers may be answered; texting in does not subscribe anyone. A text from a
 * number that isn't subscribed is still kept where people can see it (the conversation stage).
 */
export const consentCheck: Stage = {
  name: "consent",
  async run(ctx) {
    if (!canReceiveMarketingOrAgent(profileOf(ctx).smsConsent)) ctx.route = { to: "nobody", reason: "not_subscribed" };
    return next;
  },
};
