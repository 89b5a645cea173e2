/**
 * What an SMS workflow tells the agent for one turn: the workflow's goal and reference material,
 * and the one thing to do next (ask for a field, send a response, offer a booking link…). The
 * pipeline decides the next action from the workflow's steps (server/workflows); the agent only
 * words it, so every model follows the same steps.
 */
export type WorkflowDirective =
  /** Ask the shopper for one field the workflow still needs ("your email address"). */
  | { type: "ask_field"; field: string; label: string }
  /** Send this response guidance, adapted to the conversation. */
  | { type: "respond"; template: string }
  /** Offer this booking link, exactly as written. */
  | { type: "offer_booking"; bookingUrl: string }
  /** A support ticket is opened; the conversation goes to a teammate. */
  | { type: "create_ticket"; priority: string }
  /** The workflow's last step finished with this text. */
  | { type: "completed" }
  /** Nothing pending: the workflow finished earlier, or has no steps. */
  | { type: "none" };

export type WorkflowGuidance = {
  name: string;
  goal: string;
  /** Business rules, FAQs, tone for this workflow: reference material, not a script. */
  context: string;
  /** Optional response guidance for the workflow as a whole; {name}-style placeholders take collected fields. */
  responseTemplate: string;
  /** One line per step, in order, with the current one marked. */
  steps: string[];
  currentStep: number;
  collected: Record<string, string>;
  /** Fields read from the shopper's latest text. */
  extractedNow: string[];
  /** The workflow matched (and attached) on the shopper's latest text. */
  isMatchedNow: boolean;
  /** Whether this workflow saved the shopper's details somewhere (a Save to database step ran). */
  hasSaved: boolean;
  assistant: { name: string; instructions: string; model: string } | null;
  directive: WorkflowDirective;
};

/** "{name}", "{first_name}", "{email}" in a template → the collected values; unknown placeholders go. */
export function fillTemplate(template: string, collected: Record<string, string>): string {
  const firstName = (collected.name ?? collected.first_name ?? "").split(/\s+/)[0] ?? "";
  return template
    .replace(/\{\s*([a-z0-9_]+)\s*\}/gi, (_, key: string) => {
      const k = key.toLowerCase();
      if (k === "first_name") return firstName;
      return collected[k] ?? "";
    })
    .replace(/\s+([,.!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** The workflow part of the system prompt: goal, reference material, steps and the next action. */
export function workflowInstructions(g: WorkflowGuidance): string {
  const collected = Object.entries(g.collected);
  const next = ((): string => {
    switch (g.directive.type) {
      case "ask_field":
        return `Ask the shopper for ${g.directive.label}, in one short, friendly question. If their text asks something you can answer with a tool, answer briefly first.`;
      case "respond":
        return `Reply following this guidance, adapted to the conversation: ${fillTemplate(g.directive.template, g.collected)}`;
      case "offer_booking":
        return `Offer this booking link so the shopper can pick a time, exactly as written: ${g.directive.bookingUrl}`;
      case "create_ticket":
        return "A support ticket has been opened; tell the shopper a teammate will follow up here.";
      case "completed":
        return g.hasSaved ? "All steps are done: thank the shopper and say a teammate will follow up." : "All steps are done: thank the shopper.";
      case "none":
        return "The workflow's steps are done; keep helping within its goal.";
    }
  })();
  return [
    `This conversation follows the brand's SMS workflow "${g.name}" (goal: ${g.goal.replace(/_/g, " ")}).`,
    g.assistant?.instructions ? `Assistant "${g.assistant.name}": ${g.assistant.instructions}` : "",
    g.context ? `Reference material for this workflow (facts and rules, not a script):\n${g.context}` : "",
    g.responseTemplate ? `Response guidance (adapt it, keep it to one SMS): ${fillTemplate(g.responseTemplate, g.collected)}` : "",
    g.steps.length ? `Workflow steps:\n${g.steps.map((s, i) => `${i + 1}. ${s}${i < g.currentStep ? " (done)" : i === g.currentStep ? " (current)" : ""}`).join("\n")}` : "",
    collected.length ? `Already collected: ${collected.map(([k, v]) => `${k}: ${v}`).join("; ")}` : "",
    `Next: ${next}`,
  ]
    .filter(Boolean)
    .join("\n");
}
