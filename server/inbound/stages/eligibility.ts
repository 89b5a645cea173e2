import { next, stop, type Stage } from "../pipeline-types";

/** 6. Agent switched on for the brand. Segment and keyword rules arrive with the Settings issue. */
export const eligibility: Stage = {
  name: "eligibility",
  async run(ctx) {
    if (!ctx.settings.enabled) return stop("ineligible:agent_off");
    return next;
  },
};
