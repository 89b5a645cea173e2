import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper } from "../testing/fixtures";

type Caller = ReturnType<typeof createCaller>;
let brandId: string;
let caller: Caller;
let other: { brandId: string; caller: Caller };

async function brandWithCaller(name: string) {
  const brand = await createBrand(getDb(), { name });
  return { brandId: brand.id, caller: createCaller(createApiContext(await createMember(getDb(), brand.id))) };
}

beforeAll(async () => {
  await startWorker();
  ({ brandId, caller } = await brandWithCaller("Juniper Test"));
  other = await brandWithCaller("Other Brand");
});

const text = (from: string, body: string, brand = brandId) => simulateText(getDb(), { brandId: brand, from, body });
const replyOf = (r: { replies: { body: string }[] }) => r.replies.map((x) => x.body).join(" | ");

const leadCapture = {
  name: "Bulk pricing leads",
  goal: "lead_capture",
  keywords: ["pricing", "quote", "interested"],
  priority: 10,
  isActive: true,
  steps: [
    { type: "extract" as const, fields: ["name", "email"] },
    { type: "save" as const, collection: "bulk leads" },
  ],
};

describe("a lead-capture workflow through the real pipeline", () => {
  let workflowId: string;
  let conversationId: string;
  let shopperId: string;

  it("attaches on a matching text and asks for the first missing field", async () => {
    workflowId = (await caller.workflows.create(leadCapture)).id;
    const shopper = await createShopper(getDb(), brandId, { firstName: "Sam" });
    shopperId = shopper.id;
    const first = await text(shopper.phone, "interested in pricing for 20 units");
    expect(first.disposition).toBe("agent_replied");
    expect(replyOf(first)).toMatch(/what's your name\?/i);
    conversationId = first.conversationId!;
    const active = await caller.workflows.activeForConversation({ conversationId });
    expect(active).toMatchObject({ workflow: { id: workflowId, name: "Bulk pricing leads" }, stepIndex: 0, stepCount: 2, step: { type: "extract" }, asking: "name" });
  });

  it("stores each answer on the profile as it arrives, then saves the record and thanks the shopper", async () => {
    const phone = (await getDb().profile.findUniqueOrThrow({ where: { id: shopperId } })).phone;
    const second = await text(phone, "Pat Rivera");
    expect(replyOf(second)).toMatch(/Thanks, Pat! What's your email address\?/);
    expect(await getDb().profile.findUniqueOrThrow({ where: { id: shopperId } })).toMatchObject({ firstName: "Pat", lastName: "Rivera" });

    const third = await text(phone, "pat.rivera@acme.test");
    expect(third.conversationId).toBe(conversationId);
    expect(replyOf(third)).toMatch(/got your details/);
    expect(await getDb().profile.findUniqueOrThrow({ where: { id: shopperId } })).toMatchObject({ firstName: "Pat", lastName: "Rivera", email: "pat.rivera@acme.test" });

    const records = await caller.workflows.records({ collection: "bulk leads" });
    expect(records.total).toBe(1);
    expect(records.items[0]).toMatchObject({ data: { name: "Pat Rivera", email: "pat.rivera@acme.test" }, conversationId, workflow: { id: workflowId }, profile: { id: shopperId } });
    expect(records.fields).toEqual(["name", "email"]);
    expect(await caller.workflows.collections()).toEqual([{ collection: "bulk leads", count: 1, lastSavedAt: expect.any(Date) }]);

    const active = await caller.workflows.activeForConversation({ conversationId });
    expect(active).toMatchObject({ isComplete: true, stepIndex: 2, collected: { name: "Pat Rivera", email: "pat.rivera@acme.test" } });
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId }, orderBy: { createdAt: "desc" } });
    expect(turn.skill).toBe("workflow:Bulk pricing leads");
  });

  it("exports the collection as CSV with the shopper's phone", async () => {
    const phone = (await getDb().profile.findUniqueOrThrow({ where: { id: shopperId } })).phone;
    const exported = await caller.workflows.exportCollection({ collection: "bulk leads" });
    expect(exported.filename).toBe("bulk-leads.csv");
    const [header, row] = exported.csv.trim().split("\r\n");
    expect(header).toBe("saved_at,phone,name,email,workflow");
    expect(row).toContain(`,${phone},Pat Rivera,pat.rivera@acme.test,Bulk pricing leads`);
  });

  it("resolves with the workflow as the skill on the Resolved event", async () => {
    const phone = (await getDb().profile.findUniqueOrThrow({ where: { id: shopperId } })).phone;
    const thanks = await text(phone, "thank you!");
    expect(thanks.events).toContain("Resolved Customer Agent Conversation");
    const event = await getDb().event.findFirstOrThrow({ where: { brandId, name: "Resolved Customer Agent Conversation", properties: { path: ["conversationId"], equals: conversationId } } });
    expect(event.properties).toMatchObject({ skill: "workflow:Bulk pricing leads" });
  });

  it("once deactivated, the next matching text is handled without it, even in a conversation it guided", async () => {
    const midway = await createShopper(getDb(), brandId);
    const started = await text(midway.phone, "can I get a quote?");
    expect(replyOf(started)).toMatch(/your name/);
    await caller.workflows.setActive({ id: workflowId, isActive: false });

    const next = await text(midway.phone, "interested in pricing for 20 units");
    expect(next.conversationId).toBe(started.conversationId);
    expect(replyOf(next)).not.toMatch(/your name|email/);
    expect(await caller.workflows.activeForConversation({ conversationId: next.conversationId! })).toBeNull();

    const fresh = await createShopper(getDb(), brandId);
    const unguided = await text(fresh.phone, "interested in pricing for 20 units");
    expect(replyOf(unguided)).not.toMatch(/your name/);
    expect(await caller.workflows.activeForConversation({ conversationId: unguided.conversationId! })).toBeNull();
    expect((await caller.workflows.records({ collection: "bulk leads" })).total).toBe(1);
  });
});

describe("priority, the catch-all and the other step types in the pipeline", () => {
  it("a higher-priority keyword workflow wins its texts; the catch-all takes the rest", async () => {
    const general = await caller.workflows.create({
      name: "Everything else",
      goal: "general_inquiry",
      priority: 0,
      isActive: true,
      responseTemplate: "Thanks for texting Juniper! Tell us what you need and we'll help.",
    });
    const booking = await caller.workflows.create({
      name: "Fittings",
      goal: "appointment_booking",
      keywords: ["appointment", "fitting"],
      priority: 5,
      isActive: true,
      steps: [{ type: "book", bookingUrl: "https://calendly.com/juniper/fitting" }],
    });
    const a = await createShopper(getDb(), brandId);
    const booked = await text(a.phone, "can I book a fitting appointment?");
    expect(replyOf(booked)).toContain("https://calendly.com/juniper/fitting");
    expect((await caller.workflows.activeForConversation({ conversationId: booked.conversationId! }))?.workflow.id).toBe(booking.id);

    const b = await createShopper(getDb(), brandId);
    const other = await text(b.phone, "blorp zzz");
    expect(replyOf(other)).toBe("Thanks for texting Juniper! Tell us what you need and we'll help.");
    expect((await caller.workflows.activeForConversation({ conversationId: other.conversationId! }))?.workflow.id).toBe(general.id);

    // Once attached, the catch-all stays: a later booking text does not switch workflows.
    const later = await text(b.phone, "actually, I'd like a fitting appointment");
    expect((await caller.workflows.activeForConversation({ conversationId: later.conversationId! }))?.workflow.id).toBe(general.id);

    await caller.workflows.setActive({ id: general.id, isActive: false });
    await caller.workflows.setActive({ id: booking.id, isActive: false });
  });

  it("a Create support ticket step hands off with a ticket, and Escalated carries the workflow", async () => {
    const helpDesk = await caller.workflows.create({
      name: "Gear problems",
      goal: "help_desk_support",
      keywords: ["broken", "problem"],
      isActive: true,
      steps: [
        { type: "extract", fields: ["name"] },
        { type: "ticket", priority: "high" },
      ],
    });
    const shopper = await createShopper(getDb(), brandId);
    const first = await text(shopper.phone, "my tent zipper is broken");
    expect(replyOf(first)).toMatch(/Sorry to hear that.*your name/);
    const second = await text(shopper.phone, "Robin Vale");
    expect(second.disposition).toBe("escalated");
    expect(replyOf(second)).toMatch(/support ticket/);
    const ticket = await getDb().handoffTicket.findUniqueOrThrow({ where: { conversationId: second.conversationId! } });
    expect(ticket.reason).toBe("workflow_ticket");
    expect(ticket.summary).toContain("high-priority");
    expect(ticket.summary).toContain("Robin Vale");
    const event = await getDb().event.findFirstOrThrow({ where: { brandId, name: "Escalated Customer Agent Conversation", properties: { path: ["conversationId"], equals: second.conversationId! } } });
    expect(event.properties).toMatchObject({ skill: "workflow:Gear problems", reason: "workflow_ticket" });
    await caller.workflows.setActive({ id: helpDesk.id, isActive: false });
  });

  it("order questions keep their facts first under a workflow that matches them", async () => {
    const sales = await caller.workflows.create({ name: "Sales", goal: "sales_inquiry", isActive: true, keywords: ["order"], steps: [{ type: "extract", fields: ["email"] }] });
    const shopper = await createShopper(getDb(), brandId);
    const result = await text(shopper.phone, "where is my order #424242");
    expect(replyOf(result)).toContain("#424242");
    await caller.workflows.setActive({ id: sales.id, isActive: false });
  });

  it("runs no workflow while the brand's feature flag is off", async () => {
    const wf = await caller.workflows.create({ ...leadCapture, name: "Flagged" });
    await getDb().brand.update({ where: { id: brandId }, data: { smsWorkflowsEnabled: false } });
    const shopper = await createShopper(getDb(), brandId);
    const result = await text(shopper.phone, "interested in a quote");
    expect(replyOf(result)).not.toMatch(/your name/);
    await getDb().brand.update({ where: { id: brandId }, data: { smsWorkflowsEnabled: true } });
    await caller.workflows.delete({ id: wf.id });
  });
});

describe("tenant isolation of records and conversations", () => {
  it("another brand's caller sees none of the records, and gets NOT_FOUND for the conversation", async () => {
    expect(await other.caller.workflows.collections()).toEqual([]);
    expect((await other.caller.workflows.records({ collection: "bulk leads" })).items).toEqual([]);
    const exported = await other.caller.workflows.exportCollection({ collection: "bulk leads" });
    expect(exported.count).toBe(0);
    expect(exported.csv).not.toContain("Pat Rivera");
    const record = await getDb().workflowRecord.findFirstOrThrow({ where: { brandId } });
    await expect(other.caller.workflows.activeForConversation({ conversationId: record.conversationId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another brand's texts are never matched to this brand's workflows", async () => {
    await caller.workflows.create({ ...leadCapture, name: "Juniper only" });
    const shopper = await createShopper(getDb(), other.brandId);
    const result = await text(shopper.phone, "interested in pricing", other.brandId);
    expect(replyOf(result)).not.toMatch(/your name/);
    expect(await getDb().workflowRecord.count({ where: { brandId: other.brandId } })).toBe(0);
  });
});
