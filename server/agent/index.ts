export { runAgentTurn, MAX_AGENT_STEPS, type AgentTurnResult, type AgentTurnInput, type ToolTrace } from "./run-agent-turn";
export { chooseModel, selectModel } from "./models/select-model";
export { handoffReasons, type HandoffReason } from "./tools";
export { replies as builtinReplies } from "./models/builtin-replies";
export { fillTemplate, workflowInstructions, type WorkflowDirective, type WorkflowGuidance } from "./workflow-guidance";
export { workflowReplies } from "./models/builtin-workflow-reply";
