/**
 * The goals a workflow can pursue and the words that match a text to each. general_inquiry is the
 * catch-all (it matches every text); the others start from these lists, which the brand edits per
 * workflow.
 */
export const workflowGoals = ["general_inquiry", "lead_capture", "help_desk_support", "sales_inquiry", "appointment_booking"] as const;
export type WorkflowGoal = (typeof workflowGoals)[number];

export const goalLabels: Record<WorkflowGoal, string> = {
  general_inquiry: "General inquiry",
  lead_capture: "Lead capture",
  help_desk_support: "Help desk support",
  sales_inquiry: "Sales inquiry",
  appointment_booking: "Appointment booking",
};

export const goalDescriptions: Record<WorkflowGoal, string> = {
  general_inquiry: "Matches every text: a catch-all for conversations no other workflow takes.",
  lead_capture: "Collects a prospect's details (name, email…) when they ask about pricing or quotes.",
  help_desk_support: "Gathers what support needs and opens a ticket when a shopper has a problem.",
  sales_inquiry: "Guides shoppers who want to buy, order or ask about prices and discounts.",
  appointment_booking: "Offers a booking link when a shopper wants an appointment or a call.",
};

const defaultKeywords: Record<Exclude<WorkflowGoal, "general_inquiry">, readonly string[]> = {
  lead_capture: ["pricing", "quote", "interested", "budget", "wholesale", "bulk", "demo", "partnership"],
  help_desk_support: ["support", "help", "issue", "problem", "broken", "not working", "error", "trouble"],
  sales_inquiry: ["buy", "order", "price", "discount", "deal", "purchase", "sale"],
  appointment_booking: ["appointment", "book", "schedule", "meeting", "consultation", "call me back", "reschedule"],
};

export function isWorkflowGoal(value: string): value is WorkflowGoal {
  return (workflowGoals as readonly string[]).includes(value);
}

/** Whether workflows of this goal match every text rather than on keywords. */
export function isCatchAllGoal(goal: string): boolean {
  return goal === "general_inquiry";
}

/** The starting keywords for a goal (none for the catch-all). */
export function defaultKeywordsFor(goal: string): string[] {
  return isWorkflowGoal(goal) && goal !== "general_inquiry" ? [...defaultKeywords[goal]] : [];
}
