/**
 * The skill (procedure) a workflow-guided conversation reports on its turns and on the Resolved /
 * Escalated events: "workflow:<name>", so the performance page can group by workflow beside the
 * agent's own skills (order_status, faq, …).
 */
export const WORKFLOW_SKILL_PREFIX = "workflow:";

export function workflowSkill(workflowName: string): string {
  return `${WORKFLOW_SKILL_PREFIX}${workflowName}`;
}

/** The workflow's name in a skill, or null when the skill is not a workflow's. */
export function workflowNameOfSkill(skill: string | null | undefined): string | null {
  return skill?.startsWith(WORKFLOW_SKILL_PREFIX) ? skill.slice(WORKFLOW_SKILL_PREFIX.length) : null;
}
