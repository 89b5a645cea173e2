import { describe, expect, it } from "vitest";
import { changeGoal, emptyDraft, emptyStep, moveStep, removeStep, toInput, updateStep } from "./workflow-draft";

describe("workflow draft", () => {
  it("fills the goal's keywords, and keeps keywords the brand wrote", () => {
    const lead = changeGoal(emptyDraft(), "lead_capture");
    expect(lead.keywords).toContain("pricing");
    expect(changeGoal(lead, "appointment_booking").keywords).toContain("appointment");
    expect(changeGoal({ ...lead, keywords: "tents, bulk" }, "sales_inquiry").keywords).toBe("tents, bulk");
    expect(changeGoal(lead, "general_inquiry").keywords).toBe("");
  });

  it("moves, updates and removes steps, keeping each step's key", () => {
    const [a, b, c] = [emptyStep("extract"), emptyStep("save"), emptyStep("book")];
    const moved = moveStep([a, b, c], 2, -1);
    expect(moved.map((s) => s.key)).toEqual([a.key, c.key, b.key]);
    expect(moveStep(moved, 0, -1)).toEqual(moved);
    expect(moveStep(moved, 2, 1)).toEqual(moved);
    expect(removeStep(moved, 0).map((s) => s.key)).toEqual([c.key, b.key]);
    expect(updateStep(moved, 1, { bookingUrl: "https://cal.example" })[1]!.bookingUrl).toBe("https://cal.example");
  });

  it("sends keywords as a list, each step's own setting, and a wrong priority for the server to name", () => {
    const draft = { ...changeGoal(emptyDraft(), "lead_capture"), name: "Leads", keywords: "pricing, , quote", priority: "ten", steps: [emptyStep("extract"), { ...emptyStep("save"), collection: "bulk" }] };
    const input = toInput(draft);
    expect(input.keywords).toEqual(["pricing", "quote"]);
    expect(input.priority).toBe(-1);
    expect(input.steps).toEqual([
      { id: null, type: "extract", fields: "name, email" },
      { id: null, type: "save", collection: "bulk" },
    ]);
  });
});
