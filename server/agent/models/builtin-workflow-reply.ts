/**
 * How the built-in model follows an SMS workflow's next action (see ../workflow-guidance.ts):
 * templated wording for "ask for a field", "send this response", "offer this link" and "done".
 * Safety (a person asked for, money trouble, prompt injection) and order facts still come first;
 * otherwise the workflow leads when it matched on this text, when the text answered it, or when
 * the text is not a question the agent's tools answer.
 */
import { fillTemplate, type WorkflowGuidance } from "../workflow-guidance";
import type { BuiltinIntent } from "./builtin-intents";

const firstNameOf = (collected: Record<string, string>) => (collected.name ?? collected.first_name ?? "").split(/\s+/)[0] ?? "";

const openers: Record<string, string> = {
  lead_capture: "Thanks for your interest! So a teammate can follow up,",
  help_desk_support: "Sorry to hear that. So we can help,",
  sales_inquiry: "Happy to help with that! First,",
  appointment_booking: "Happy to set that up! First,",
  general_inquiry: "Happy to help! First,",
};

export const workflowReplies = {
  ask: (g: WorkflowGuidance, label: string, previousReply: string) => {
    const firstName = firstNameOf(g.collected);
    // The shopper's last text did not give what was asked: ask again, plainly.
    if (previousReply.includes(label) && g.extractedNow.length === 0 && !g.isMatchedNow) return `Sorry, I didn't catch ${label}. Could you text it to me?`;
    if (Object.keys(g.collected).length === 0) return `${openers[g.goal] ?? openers.general_inquiry} what's ${label}?`;
    return `Thanks${firstName ? `, ${firstName}` : ""}! What's ${label}?`;
  },
  booking: (url: string) => `You can pick a time that works for you here: ${url}`,
  done: (g: WorkflowGuidance) => {
    if (g.responseTemplate) return fillTemplate(g.responseTemplate, g.collected);
    const firstName = firstNameOf(g.collected);
    const thanks = `Thanks${firstName ? `, ${firstName}` : ""}!`;
    return g.hasSaved ? `${thanks} We've got your details and a teammate will follow up soon.` : `${thanks} That's everything we need for now.`;
  },
  ticket: () => "Thanks! I've opened a support ticket and a teammate will text you here shortly.",
};

/** Intents the workflow never overrides: people, safety, and facts about an order. */
const alwaysFirst: ReadonlySet<BuiltinIntent> = new Set(["human", "sensitive", "frustrated", "injection", "order_status"]);

/** The built-in model's reply under a workflow, or null to answer as usual (tools, greetings…). */
export function builtinWorkflowReply(g: WorkflowGuidance, intent: BuiltinIntent, ctx: { previousReply: string; earlierReplies: string[] }): string | null {
  if (alwaysFirst.has(intent)) return null;
  const leads = g.isMatchedNow || g.extractedNow.length > 0 || intent === "unknown" || intent === "greeting";
  const d = g.directive;
  switch (d.type) {
    case "ask_field":
      return leads ? workflowReplies.ask(g, d.label, ctx.previousReply) : null;
    case "respond":
      return leads ? fillTemplate(d.template, g.collected) || null : null;
    case "offer_booking":
      return leads ? workflowReplies.booking(d.bookingUrl) : null;
    case "completed":
      return leads || intent === "thanks" ? workflowReplies.done(g) : null;
    case "create_ticket":
      return workflowReplies.ticket();
    case "none": {
      // A workflow's response template answers what the agent would otherwise not catch, once.
      if (intent !== "unknown" || !g.responseTemplate) return null;
      const filled = fillTemplate(g.responseTemplate, g.collected);
      return filled && !ctx.earlierReplies.includes(filled) ? filled : null;
    }
  }
}
