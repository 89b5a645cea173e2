import { detectNoise } from "../../sms";
import { next, stop, type Stage } from "../pipeline-types";

/** 4. Auto-replies, tapbacks, emoji-only and empty texts get no reply and start no conversation. */
export const noiseGuard: Stage = {
  name: "noise_guard",
  async run(ctx) {
    const noise = detectNoise(ctx.message.body);
    return noise ? stop(`noise:${noise.kind}`) : next;
  },
};
