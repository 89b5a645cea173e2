import { Badge } from "@/components/ui/badge";
import { goalLabels, isWorkflowGoal } from "@/server/workflows/goal-keywords";

/** The workflow's goal by its id (general_inquiry, lead_capture…), with its plain name on hover. */
export function GoalBadge({ goal }: { goal: string }) {
  return (
    <span title={isWorkflowGoal(goal) ? goalLabels[goal] : undefined}>
      <Badge tone="accent" className="font-mono">
        {goal}
      </Badge>
    </span>
  );
}

export function ActiveBadge({ isActive }: { isActive: boolean }) {
  return isActive ? (
    <Badge tone="resolved" withDot>
      Active
    </Badge>
  ) : (
    <Badge tone="neutral">Inactive</Badge>
  );
}
