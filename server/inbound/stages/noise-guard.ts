import { detectLoop, detectNoise } from "../../sms";
import { next, stop, type PipelineContext, type Stage } from "../pipeline-types";

const LOOP_LOOKBACK_MS = 5 * 60_000;

/** The sender's other texts of the last few minutes, for bot-loop detection. */
async function recentInbound(ctx: PipelineContext) {
  const rows = await ctx.db.message.findMany({
    where: {
      brandId: ctx.brand.id,
      direction: "inbound",
      fromNumber: ctx.message.fromNumber,
      id: { not: ctx.message.id },
      createdAt: { gte: new Date(ctx.message.createdAt.getTime() - LOOP_LOOKBACK_MS), lte: ctx.message.createdAt },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { body: true, createdAt: true },
  });
  return rows.map((r) => ({ body: r.body, receivedAt: r.createdAt }));
}

/**
 * 4. Auto-replies, tapbacks, emoji-only, empty texts, gibberish and bot loops get no reply and
 * start no conversation.
 */
export const noiseGuard: Stage = {
  name: "noise_guard",
  async run(ctx) {
    const noise = detectNoise(ctx.message.body) ?? detectLoop(ctx.message.body, await recentInbound(ctx), ctx.message.createdAt);
    return noise ? stop(`noise:${noise.kind}`) : next;
  },
};
