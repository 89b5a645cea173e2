import { changeConsent, complianceTextsFor } from "../../consent";
import { queueOutbound } from "../../outbound";
import { classifyCompliance } from "../../sms";
import { next, profileOf, stop, type PipelineContext, type Stage } from "../pipeline-types";

/** Twilio's Advanced Opt-Out already answered the keyword; receive.ts keeps its OptOutType here. */
function twilioOptOutType(ctx: PipelineContext): "opt_out" | "opt_in" | "help" | null {
  const m = ctx.message.errorCode?.match(/^opt_out_type:(STOP|START|HELP)$/);
  if (!m) return null;
  return m[1] === "STOP" ? "opt_out" : m[1] === "START" ? "opt_in" : "help";
}

/**
 * 2. STOP / START / HELP and free-text opt-out intent: never answered by the agent. Consent
 * changes at once; exactly one confirmation (none when Twilio already sent it).
 */
export const compliance: Stage = {
  name: "compliance",
  async run(ctx) {
    const profile = profileOf(ctx);
    const byTwilio = twilioOptOutType(ctx);
    const kind = byTwilio ?? classifyCompliance(ctx.message.body);
    if (!kind) return next;
    // "Yes" from someone already subscribed is an answer to the agent, not a keyword; START and
    // UNSTOP always get their confirmation (shoppers send them to check they are subscribed).
    if (kind === "opt_in" && !byTwilio && profile.smsConsent === "subscribed" && !/\b(START|UNSTOP)\b/i.test(ctx.message.body)) return next;
    let isChange = true;
    if (kind === "opt_out" || kind === "opt_in") {
      isChange = await changeConsent(ctx.db, {
        brandId: ctx.brand.id,
        profileId: profile.id,
        to: kind === "opt_out" ? "unsubscribed" : "subscribed",
        source: byTwilio ? "twilio_opt_out_type" : "keyword",
        messageId: ctx.message.id,
      });
    }
    // A second STOP from a number already opted out gets no second confirmation (CTIA: one).
    const isRepeatOptOut = kind === "opt_out" && !isChange;
    if (!byTwilio && !isRepeatOptOut) {
      const texts = await complianceTextsFor(ctx.db, ctx.brand);
      const body = kind === "opt_out" ? texts.optOutReply : kind === "opt_in" ? texts.optInReply : texts.helpReply;
      await queueOutbound(ctx.db, {
        brandId: ctx.brand.id,
        profileId: profile.id,
        inReplyToId: ctx.message.id,
        body,
        author: "system",
        purpose: "compliance",
        idempotencyKey: `compliance:${ctx.message.id}`,
      });
    }
    return stop(kind);
  },
};
