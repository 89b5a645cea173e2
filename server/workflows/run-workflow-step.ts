/**
 * Moves a conversation through its workflow's steps as texts arrive. Pure: it takes the steps, the
 * current step and state and the shopper's text, and returns the new position, what to store
 * (fields on the profile, records in collections) and the agent's next action.
 *
 * Per text: fields any extract step collects are read from it (and stored as they arrive); then
 * steps run in order from the current one. Save runs at once; an extract step waits until its
 * fields are in (asking for the next missing one); Send response and Book appointment take this
 * turn's reply and the next step waits for the next text; Create support ticket hands the
 * conversation to a person, unless this turn's reply is already taken (then it runs next text).
 */
import type { WorkflowDirective } from "../agent";
import { extractFields, kindOfField } from "./extract-fields";
import { fieldsOfSteps, type WorkflowStep } from "./workflow-steps";
import type { WorkflowState } from "./workflow-state";

export type WorkflowEffect =
  | { type: "store_fields"; fields: Record<string, string> }
  | { type: "save_record"; collection: string; data: Record<string, string> };

export type WorkflowAdvance = {
  stepIndex: number;
  state: WorkflowState;
  directive: WorkflowDirective;
  effects: WorkflowEffect[];
  extracted: Record<string, string>;
};

/** How the agent names a field when asking for it. */
export function fieldLabel(field: string): string {
  switch (kindOfField(field)) {
    case "name":
      return "your name";
    case "first_name":
      return "your first name";
    case "last_name":
      return "your last name";
    case "email":
      return "your email address";
    case "phone":
      return "the best phone number to reach you";
    case "company":
      return "your company's name";
    case "other":
      return `your ${field.replace(/_/g, " ")}`;
  }
}

/** The fields a save step stores: every field collected by the extract steps before it. */
function dataForSave(steps: readonly WorkflowStep[], index: number, collected: Record<string, string>): Record<string, string> {
  const fields = fieldsOfSteps(steps.slice(0, index));
  return Object.fromEntries(fields.filter((f) => collected[f] !== undefined).map((f) => [f, collected[f]!]));
}

export function advanceWorkflow(input: { steps: readonly WorkflowStep[]; stepIndex: number; state: WorkflowState; text: string; now: Date }): WorkflowAdvance {
  const { steps, text } = input;
  const effects: WorkflowEffect[] = [];
  const extracted = extractFields(text, fieldsOfSteps(steps), { asking: input.state.asking });
  const changed = Object.fromEntries(Object.entries(extracted).filter(([k, v]) => input.state.collected[k] !== v));
  const state: WorkflowState = { ...input.state, collected: { ...input.state.collected, ...changed }, asking: null, lastExtracted: Object.keys(extracted) };
  if (Object.keys(changed).length) {
    effects.push({ type: "store_fields", fields: changed });
    // A correction after a save updates the saved record too.
    for (const collection of state.savedCollections) {
      const index = steps.findIndex((s) => s.type === "save" && s.config.collection === collection);
      if (index >= 0) effects.push({ type: "save_record", collection, data: dataForSave(steps, index, state.collected) });
    }
  }

  let index = Math.min(Math.max(input.stepIndex, 0), steps.length);
  let directive: WorkflowDirective | null = null;
  const wasComplete = index >= steps.length;
  loop: while (index < steps.length) {
    const step = steps[index]!;
    switch (step.type) {
      case "extract": {
        const missing = step.config.fields.find((f) => !state.collected[f]);
        if (!missing) {
          index++;
          continue;
        }
        if (!directive) {
          directive = { type: "ask_field", field: missing, label: fieldLabel(missing) };
          state.asking = missing;
        }
        break loop;
      }
      case "save": {
        const collection = step.config.collection;
        if (!effects.some((e) => e.type === "save_record" && e.collection === collection)) {
          effects.push({ type: "save_record", collection, data: dataForSave(steps, index, state.collected) });
        }
        if (!state.savedCollections.includes(collection)) state.savedCollections = [...state.savedCollections, collection];
        index++;
        continue;
      }
      case "respond":
      case "book":
        if (directive) break loop;
        directive = step.type === "respond" ? { type: "respond", template: step.config.template } : { type: "offer_booking", bookingUrl: step.config.bookingUrl };
        index++;
        continue;
      case "ticket":
        if (directive) break loop;
        directive = { type: "create_ticket", priority: step.config.priority };
        index++;
        break loop;
    }
  }
  if (index >= steps.length && !state.completedAt && steps.length > 0) state.completedAt = input.now.toISOString();
  if (!directive) directive = index >= steps.length && !wasComplete && steps.length > 0 ? { type: "completed" } : { type: "none" };
  return { stepIndex: index, state, directive, effects, extracted };
}
