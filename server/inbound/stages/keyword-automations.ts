import { canReceiveMarketingOrAgent, changeConsent } from "../../consent";
import { Prisma } from "../../db";
import { matchingAutomation } from "../../keywords";
import { queueOutbound } from "../../outbound";
import { next, profileOf, stop, type Stage } from "../pipeline-types";

/**
 * 3. Brand-defined keywords (JOIN, VIP…) win over the agent: the automation's action and reply
 * run, and the agent stays silent.
 */
export const keywordAutomations: Stage = {
  name: "keyword_automations",
  async run(ctx) {
    const automation = matchingAutomation(ctx.keywords, ctx.message.body);
    if (!automation) return next;
    let profile = profileOf(ctx);
    if (automation.action === "subscribe") {
      await changeConsent(ctx.db, { brandId: ctx.brand.id, profileId: profile.id, to: "subscribed", source: `keyword:${automation.keyword}`, messageId: ctx.message.id });
    } else if (automation.action === "set_property" && automation.propertyKey) {
      const properties = { ...((profile.properties as Record<string, unknown>) ?? {}), [automation.propertyKey]: automation.propertyValue };
      await ctx.db.profile.update({ where: { id: profile.id }, data: { properties: properties as Prisma.InputJsonValue } });
    }
    profile = await ctx.db.profile.findUniqueOrThrow({ where: { id: profile.id } });
    ctx.profile = profile;
    // The subscribe keyword's reply confirms the opt-in; any other reply needs consent like any text.
    const isConfirmation = automation.action === "subscribe";
    if (isConfirmation || canReceiveMarketingOrAgent(profile.smsConsent)) {
      await queueOutbound(ctx.db, {
        brandId: ctx.brand.id,
        profileId: profile.id,
        inReplyToId: ctx.message.id,
        body: automation.reply,
        author: "system",
        purpose: isConfirmation ? "compliance" : "automation",
        idempotencyKey: `keyword:${ctx.message.id}`,
      });
    }
    return stop(`keyword:${automation.keyword}`);
  },
};
