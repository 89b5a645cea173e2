import { detectLoop, detectNoise, LOOP_REPEAT_WINDOW_MS, type RecentText } from "../../sms";
import { next, stop, type PipelineContext, type Stage } from "../pipeline-types";

/** The texts between the brand and this number in the last few minutes (both ways), for bot-loop detection. */
async function recentTexts(ctx: PipelineContext): Promise<RecentText[]> {
  const since = new Date(ctx.message.createdAt.getTime() - LOOP_REPEAT_WINDOW_MS);
  const rows = await ctx.db.message.findMany({
    where: {
      brandId: ctx.brand.id,
      id: { not: ctx.message.id },
      createdAt: { gte: since, lte: ctx.message.createdAt },
      OR: [{ direction: "inbound", fromNumber: ctx.message.fromNumber }, { direction: "outbound", toNumber: ctx.message.fromNumber, purpose: { not: "campaign" } }],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { body: true, createdAt: true, direction: true },
  });
  return rows.map((r) => ({ direction: r.direction, body: r.body, at: r.createdAt }));
}

/**
 * 4. Auto-replies, tapbacks, emoji-only, empty texts, gibberish and bot loops get no reply and
 * start no conversation. Several different texts in a row are a person, not a loop.
 */
export const noiseGuard: Stage = {
  name: "noise_guard",
  async run(ctx) {
    const noise = detectNoise(ctx.message.body) ?? detectLoop(ctx.message.body, await recentTexts(ctx), ctx.message.createdAt);
    return noise ? stop(`noise:${noise.kind}`) : next;
  },
};
