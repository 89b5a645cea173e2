import { failedEligibilityRule } from "../../eligibility";
import { next, profileOf, stop, type Stage } from "../pipeline-types";

/**
 * 6. May this shopper talk to the agent? Agent off → restricted goods (SHAFT) → inbox keywords →
 * keywords that must start a conversation → segments in / out.
 */
export const eligibility: Stage = {
  name: "eligibility",
  async run(ctx) {
    const rule = await failedEligibilityRule(ctx.db, {
      brandId: ctx.brand.id,
      restrictedGoods: ctx.brand.restrictedGoods,
      settings: ctx.settings,
      profileId: profileOf(ctx).id,
      text: ctx.message.body,
      now: ctx.now,
    });
    return rule ? stop(`ineligible:${rule}`) : next;
  },
};
