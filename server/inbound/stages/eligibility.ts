import { failedEligibilityRule } from "../../eligibility";
import { next, profileOf, type Stage } from "../pipeline-types";

/**
 * 6. May this shopper talk to the agent? Agent off → restricted goods (SHAFT) → inbox keywords →
 * keywords that must start a conversation → segments in / out. A text that fails a rule goes to
 * people (the conversation stage leaves it waiting for a person), never nowhere.
 */
export const eligibility: Stage = {
  name: "eligibility",
  async run(ctx) {
    if (ctx.route) return next;
    const rule = await failedEligibilityRule(ctx.db, {
      brandId: ctx.brand.id,
      restrictedGoods: ctx.brand.restrictedGoods,
      settings: ctx.settings,
      profileId: profileOf(ctx).id,
      text: ctx.message.body,
      now: ctx.now,
    });
    ctx.route = rule ? { to: "people", reason: `ineligible:${rule}` } : { to: "agent" };
    return next;
  },
};
