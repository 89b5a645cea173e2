import { next, type Stage } from "../pipeline-types";

/** 8. The highest-priority active SMS Workflow guides the agent. Workflows arrive with their own issue. */
export const workflow: Stage = {
  name: "workflow",
  async run() {
    return next;
  },
};
