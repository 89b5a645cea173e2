import { next, type Stage } from "../pipeline-types";

/** 3. Brand-defined keywords (JOIN, VIP…) win over the agent. None are configured yet: the SMS rules issue adds them. */
export const keywordAutomations: Stage = {
  name: "keyword_automations",
  async run() {
    return next;
  },
};
