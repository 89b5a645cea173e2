import { describe, expect, it } from "vitest";
import { advanceWorkflow } from "./run-workflow-step";
import { initialWorkflowState, type WorkflowState } from "./workflow-state";
import type { WorkflowStep } from "./workflow-steps";

const now = new Date("2025-01-01T12:00:00Z");
const extract = (fields: string[]): WorkflowStep => ({ id: "x", type: "extract", config: { fields } });
const save = (collection: string): WorkflowStep => ({ id: "s", type: "save", config: { collection } });
const respond = (template: string): WorkflowStep => ({ id: "r", type: "respond", config: { template } });
const book = (bookingUrl: string): WorkflowStep => ({ id: "b", type: "book", config: { bookingUrl } });
const ticket = (priority: "high"): WorkflowStep => ({ id: "t", type: "ticket", config: { priority } });

/** Sends texts one after another through the steps, as a conversation would. */
function converse(steps: WorkflowStep[], texts: string[]) {
  let stepIndex = 0;
  let state: WorkflowState = initialWorkflowState();
  return texts.map((text) => {
    const r = advanceWorkflow({ steps, stepIndex, state, text, now });
    stepIndex = r.stepIndex;
    state = r.state;
    return r;
  });
}

describe("advanceWorkflow", () => {
  it("collects fields one question at a time, stores them as they arrive, then saves the record", () => {
    const [first, second, third] = converse([extract(["name", "email"]), save("leads")], ["interested in pricing for 20 units", "Pat Rivera", "pat@acme.test"]);
    expect(first!.directive).toEqual({ type: "ask_field", field: "name", label: "your name" });
    expect(first!.effects).toEqual([]);
    expect(second!.effects).toEqual([{ type: "store_fields", fields: { name: "Pat Rivera" } }]);
    expect(second!.directive).toMatchObject({ type: "ask_field", field: "email" });
    expect(third!.effects).toEqual([
      { type: "store_fields", fields: { email: "pat@acme.test" } },
      { type: "save_record", collection: "leads", data: { name: "Pat Rivera", email: "pat@acme.test" } },
    ]);
    expect(third!.directive).toEqual({ type: "completed" });
    expect(third!.stepIndex).toBe(2);
    expect(third!.state.completedAt).toBe(now.toISOString());
  });

  it("takes fields the shopper volunteers before being asked", () => {
    const [first] = converse([extract(["name", "email"]), save("leads")], ["my name is Pat, pat@acme.test, I want a quote"]);
    expect(first!.directive).toEqual({ type: "completed" });
    expect(first!.effects.map((e) => e.type)).toEqual(["store_fields", "save_record"]);
  });

  it("a response or a booking link takes the turn; the next step waits for the next text", () => {
    const steps = [respond("Thanks {name}!"), book("https://cal.example/juniper"), ticket("high")];
    const [a, b, c] = converse(steps, ["hi", "ok", "still need help"]);
    expect(a!.directive).toEqual({ type: "respond", template: "Thanks {name}!" });
    expect(b!.directive).toEqual({ type: "offer_booking", bookingUrl: "https://cal.example/juniper" });
    expect(c!.directive).toEqual({ type: "create_ticket", priority: "high" });
    expect(c!.stepIndex).toBe(3);
  });

  it("runs a save right after the response that precedes it", () => {
    const [, done] = converse([extract(["email"]), respond("Got it"), save("leads")], ["quote please", "pat@acme.test"]);
    expect(done!.directive).toEqual({ type: "respond", template: "Got it" });
    expect(done!.effects.map((e) => e.type)).toEqual(["store_fields", "save_record"]);
  });

  it("has nothing pending for a workflow without steps, or after it finished", () => {
    expect(converse([], ["hello"])[0]!.directive).toEqual({ type: "none" });
    const [, , after] = converse([extract(["email"])], ["quote", "pat@acme.test", "thanks"]);
    expect(after!.directive).toEqual({ type: "none" });
  });

  it("updates a saved record when the shopper corrects a field", () => {
    const [, , corrected] = converse([extract(["email"]), save("leads")], ["quote", "pat@acme.test", "sorry, use pat@rivera.test"]);
    expect(corrected!.effects).toEqual([
      { type: "store_fields", fields: { email: "pat@rivera.test" } },
      { type: "save_record", collection: "leads", data: { email: "pat@rivera.test" } },
    ]);
  });
});
