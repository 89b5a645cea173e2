import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { createBrand, createMember } from "../testing/fixtures";

type Caller = ReturnType<typeof createCaller>;
let a: { brandId: string; caller: Caller };
let b: { brandId: string; caller: Caller };

async function brandWithCaller(name: string) {
  const brand = await createBrand(getDb(), { name });
  return { brandId: brand.id, caller: createCaller(createApiContext(await createMember(getDb(), brand.id))) };
}

beforeAll(async () => {
  a = await brandWithCaller("Alder");
  b = await brandWithCaller("Birch");
});

const leadCapture = {
  name: "Bulk pricing leads",
  goal: "lead_capture",
  keywords: ["pricing", "quote", "Interested"],
  priority: 10,
  steps: [
    { type: "extract" as const, fields: "name, Email" },
    { type: "save" as const, collection: "leads" },
  ],
};

describe("workflows: create, validate, update", () => {
  it("creates a workflow with normalised keywords and steps, inactive unless switched on", async () => {
    const created = await a.caller.workflows.create(leadCapture);
    expect(created).toMatchObject({ name: "Bulk pricing leads", goal: "lead_capture", keywords: ["pricing", "quote", "interested"], priority: 10, isActive: false, stepCount: 2 });
    expect(created.steps).toEqual([
      { id: expect.any(String), type: "extract", config: { fields: ["name", "email"] } },
      { id: expect.any(String), type: "save", config: { collection: "leads" } },
    ]);
    const list = await a.caller.workflows.list();
    expect(list.map((w) => w.name)).toContain("Bulk pricing leads");
  });

  it("refuses a workflow with each wrong field named in the marketer's words, and saves nothing", async () => {
    const before = (await a.caller.workflows.list()).length;
    await expect(
      a.caller.workflows.create({
        name: " ",
        goal: "world_domination",
        priority: -3,
        steps: [
          { type: "save", collection: "leads" },
          { type: "extract", fields: " , " },
          { type: "book", bookingUrl: "calendly" },
          { type: "respond", template: "" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fields: {
          name: expect.stringContaining("Give the workflow a name"),
          goal: "Choose what the workflow is for.",
          priority: expect.stringContaining("0 to 1000"),
          "steps.0.collection": expect.stringContaining("Extract information step before"),
          "steps.1.fields": expect.stringContaining("separated by commas"),
          "steps.2.bookingUrl": expect.stringContaining("https://"),
          "steps.3.template": expect.stringContaining("Write the response"),
        },
      },
    });
    expect((await a.caller.workflows.list()).length).toBe(before);
  });

  it("needs keywords for a keyword goal, none for the catch-all, and a unique name", async () => {
    await expect(a.caller.workflows.create({ name: "No words", goal: "sales_inquiry", keywords: [] })).rejects.toMatchObject({
      cause: { fields: { keywords: expect.stringContaining("General inquiry") } },
    });
    const general = await a.caller.workflows.create({ name: "Everything else", goal: "general_inquiry", keywords: ["ignored"] });
    expect(general.keywords).toEqual([]);
    await expect(a.caller.workflows.create({ ...leadCapture, name: "bulk PRICING leads" })).rejects.toMatchObject({
      cause: { fields: { name: expect.stringContaining("already called") } },
    });
  });

  it("updates, switches on and off, and deletes", async () => {
    const created = await a.caller.workflows.create({ ...leadCapture, name: "Temporary" });
    const updated = await a.caller.workflows.update({ ...leadCapture, id: created.id, name: "Temporary 2", steps: [...leadCapture.steps, { type: "ticket", priority: "high" }] });
    expect(updated).toMatchObject({ name: "Temporary 2", stepCount: 3 });
    expect((await a.caller.workflows.setActive({ id: created.id, isActive: true })).isActive).toBe(true);
    expect((await a.caller.workflows.setActive({ id: created.id, isActive: false })).isActive).toBe(false);
    await a.caller.workflows.delete({ id: created.id });
    await expect(a.caller.workflows.get({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("assigns an assistant from the brand's list, and refuses one that isn't there", async () => {
    const assistant = await a.caller.workflows.createAssistant({ name: "Sales assistant", instructions: "Be brief.", model: "builtin" });
    const wf = await a.caller.workflows.create({ ...leadCapture, name: "With assistant", assistantId: assistant.id });
    expect(wf.assistantName).toBe("Sales assistant");
    await expect(a.caller.workflows.create({ ...leadCapture, name: "Bad assistant", assistantId: "nope" })).rejects.toMatchObject({
      cause: { fields: { assistantId: expect.any(String) } },
    });
    await expect(a.caller.workflows.createAssistant({ name: "sales ASSISTANT" })).rejects.toMatchObject({ cause: { fields: { name: expect.stringContaining("already") } } });
  });

  it("tests matching: which workflow a sample text would start, and why", async () => {
    const leads = (await a.caller.workflows.list()).find((w) => w.name === "Bulk pricing leads")!;
    await a.caller.workflows.setActive({ id: leads.id, isActive: true });
    const result = await a.caller.workflows.testMatch({ text: "interested in pricing for 20 units" });
    expect(result.match).toMatchObject({ workflow: { name: "Bulk pricing leads" }, keyword: "interested" });
    expect(result.match!.reason).toContain("“interested”");
    const none = await a.caller.workflows.testMatch({ text: "where is my order" });
    expect(none.match).toBeNull();
    await a.caller.workflows.setActive({ id: leads.id, isActive: false });
  });
});

describe("workflows: access", () => {
  it("refuses every workflow procedure without a session", async () => {
    const anonymous = createCaller(createApiContext(null));
    await expect(anonymous.workflows.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.workflows.access()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("is closed while the brand's plan lacks SMS or the feature flag is off, and says how to open it", async () => {
    const c = await brandWithCaller("Cedar");
    await getDb().brand.update({ where: { id: c.brandId }, data: { smsWorkflowsEnabled: false } });
    expect(await c.caller.workflows.access()).toMatchObject({ isAvailable: false, hasSmsPlan: true, smsWorkflowsEnabled: false });
    await expect(c.caller.workflows.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("turn on") });
    await getDb().brand.update({ where: { id: c.brandId }, data: { smsWorkflowsEnabled: true, hasSmsPlan: false } });
    await expect(c.caller.workflows.create(leadCapture)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("plan") });
    await getDb().brand.update({ where: { id: c.brandId }, data: { hasSmsPlan: true } });
    expect((await c.caller.workflows.access()).isAvailable).toBe(true);
  });
});

describe("workflows: tenant isolation", () => {
  it("another brand neither sees nor touches a brand's workflows and assistants", async () => {
    const own = await a.caller.workflows.create({ ...leadCapture, name: "Alder only" });
    const assistant = (await a.caller.workflows.assistants())[0]!;
    expect((await b.caller.workflows.list()).map((w) => w.id)).not.toContain(own.id);
    expect(await b.caller.workflows.assistants()).toEqual([]);
    await expect(b.caller.workflows.get({ id: own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.workflows.update({ ...leadCapture, id: own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.workflows.setActive({ id: own.id, isActive: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.workflows.delete({ id: own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.workflows.updateAssistant({ id: assistant.id, name: "Stolen" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.workflows.deleteAssistant({ id: assistant.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor can it assign another brand's assistant to its own workflow.
    await expect(b.caller.workflows.create({ ...leadCapture, name: "Borrowed", assistantId: assistant.id })).rejects.toMatchObject({ cause: { fields: { assistantId: expect.any(String) } } });
    // And its test box never matches another brand's workflow.
    await a.caller.workflows.setActive({ id: own.id, isActive: true });
    expect((await b.caller.workflows.testMatch({ text: "pricing" })).match).toBeNull();
    expect((await getDb().smsWorkflow.findUniqueOrThrow({ where: { id: own.id } })).name).toBe("Alder only");
  });
});
