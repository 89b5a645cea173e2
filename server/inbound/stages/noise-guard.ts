import { detectLoop, detectNoise } from "../../sms";
import { next, stop, type Stage } from "../pipeline-types";

/**
 * 4. Auto-replies, tapbacks, emoji-only, empty texts, gibberish and bot loops get no reply and
 * start no conversation. Several different texts in a row are a person, not a loop. The texts of
 * the last few minutes with this number were read with the text (server/inbound/load-inbound.ts).
 */
export const noiseGuard: Stage = {
  name: "noise_guard",
  async run(ctx) {
    const noise = detectNoise(ctx.message.body) ?? detectLoop(ctx.message.body, ctx.recentTexts, ctx.message.createdAt);
    return noise ? stop(`noise:${noise.kind}`) : next;
  },
};
