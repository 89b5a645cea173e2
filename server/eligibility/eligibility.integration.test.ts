/** Settings → Who can chat, applied by the pipeline's eligibility stage: each rule names the disposition that stopped a text. */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper } from "../testing/fixtures";

let brandId: string;
let caller: ReturnType<typeof createCaller>;
let goldSegmentId: string;
const everyone = { mode: "everyone" as const, segmentIds: [], requiredKeywords: [], inboxKeywords: [] };

beforeAll(async () => {
  await startWorker();
  brandId = (await createBrand(getDb(), { name: "Heron" })).id;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
  goldSegmentId = (await caller.segments.create({ name: "Gold tier", description: "", definition: { type: "property", key: "tier", operator: "equals", value: "gold" } })).id;
});

async function shopper(tier?: string) {
  const p = await createShopper(getDb(), brandId);
  if (tier) await getDb().profile.update({ where: { id: p.id }, data: { properties: { tier } } });
  return p;
}
const text = async (from: string, body: string) => (await simulateText(getDb(), { brandId, from, body })).disposition;

describe("eligibility stage", () => {
  it("only members of the chosen segment talk to the agent; others go to the inbox", async () => {
    await caller.settings.updateEligibility({ ...everyone, mode: "segments_in", segmentIds: [goldSegmentId] });
    const gold = await shopper("GOLD");
    const silver = await shopper("silver");
    expect(await text(gold.phone, "where is my order 1234?")).not.toMatch(/^ineligible:/);
    expect(await text(silver.phone, "where is my order 1234?")).toBe("ineligible:not_in_segment");
    // Membership is answered now: a shopper who joins the segment is answered on the next text.
    await getDb().profile.update({ where: { id: silver.id }, data: { properties: { tier: "gold" } } });
    expect(await text(silver.phone, "where is my order 1234?")).not.toMatch(/^ineligible:/);
  });

  it("everyone except the chosen segment", async () => {
    await caller.settings.updateEligibility({ ...everyone, mode: "segments_out", segmentIds: [goldSegmentId] });
    expect(await text((await shopper("gold")).phone, "do you have rain jackets?")).toBe("ineligible:excluded_segment");
    expect(await text((await shopper()).phone, "do you have rain jackets?")).not.toMatch(/^ineligible:/);
  });

  it("a required keyword starts the conversation; the texts after it in that conversation need none", async () => {
    await caller.settings.updateEligibility({ ...everyone, requiredKeywords: ["style me"] });
    const s = await shopper();
    expect(await text(s.phone, "any rain jackets?")).toBe("ineligible:keyword_required");
    expect(await text(s.phone, "Style me! Looking for a rain jacket")).toBe("agent_replied");
    expect(await text(s.phone, "something lighter?")).toBe("agent_replied");
  });

  it("inbox keywords win over the required keyword and the segments; keyword automations win over all", async () => {
    await caller.settings.updateEligibility({ mode: "segments_in", segmentIds: [goldSegmentId], requiredKeywords: ["STYLE ME"], inboxKeywords: ["human", "wholesale"] });
    await caller.settings.createKeyword({ keyword: "VIP", reply: "You're on the VIP list!", action: "none", isActive: true });
    const s = await shopper("gold");
    expect(await text(s.phone, "style me, but I'd rather talk to a human")).toBe("ineligible:inbox_keyword");
    expect(await text(s.phone, "VIP")).toBe("keyword:VIP");
  });

  it("agent off, then restricted goods, decide before any other rule", async () => {
    await caller.settings.updateEligibility(everyone);
    const s = await shopper();
    await getDb().brand.update({ where: { id: brandId }, data: { restrictedGoods: ["alcohol"] } });
    expect(await text(s.phone, "where is my order?")).toBe("ineligible:restricted_goods");
    const agent = await caller.settings.agent();
    await expect(caller.settings.updateAgent({ ...agent, enabled: true, brandSummary: "changed" })).rejects.toMatchObject({
      cause: { fields: { enabled: expect.stringContaining("restricted (SHAFT) goods") } },
    });
    expect((await caller.settings.agent()).brandSummary).toBe(agent.brandSummary);
    await caller.settings.updateAgent({ ...agent, enabled: false });
    expect(await text(s.phone, "where is my order?")).toBe("ineligible:agent_off");
    await getDb().brand.update({ where: { id: brandId }, data: { restrictedGoods: [] } });
    await caller.settings.updateAgent({ ...agent, enabled: true });
  });
});

describe("eligibility settings", () => {
  it("refuse what can't work, with each field's message, and save nothing", async () => {
    const before = await caller.settings.eligibility();
    const historyBefore = (await caller.settings.history()).length;
    await expect(caller.settings.updateEligibility({ ...everyone, mode: "segments_in" })).rejects.toMatchObject({
      cause: { fields: { segmentIds: "Choose at least one segment whose members may chat." } },
    });
    await expect(caller.settings.updateEligibility({ ...everyone, mode: "segments_out", segmentIds: ["nope"] })).rejects.toMatchObject({
      cause: { fields: { segmentIds: "One of the chosen segments no longer exists; choose again." } },
    });
    await expect(caller.settings.updateEligibility({ ...everyone, requiredKeywords: ["STOP"], inboxKeywords: ["help me out now please"] })).rejects.toMatchObject({
      cause: { fields: { requiredKeywords: expect.stringContaining("STOP"), inboxKeywords: expect.stringContaining("help me out now please") } },
    });
    await expect(caller.settings.updateEligibility({ ...everyone, requiredKeywords: ["style me"], inboxKeywords: ["Style  Me"] })).rejects.toMatchObject({
      cause: { fields: { inboxKeywords: "STYLE ME can't both start a conversation and send it to the inbox." } },
    });
    expect(await caller.settings.eligibility()).toEqual(before);
    expect((await caller.settings.history()).length).toBe(historyBefore);
  });

  it("are recorded in the history, and a segment in use can't be deleted", async () => {
    await caller.settings.updateEligibility({ mode: "segments_in", segmentIds: [goldSegmentId], requiredKeywords: [" style   me "], inboxKeywords: [] });
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({ area: "eligibility", after: { mode: "segments_in", segments: ["Gold tier"], requiredKeywords: ["STYLE ME"] } });
    await expect(caller.segments.delete({ id: goldSegmentId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Who can chat") });
    await caller.settings.updateEligibility(everyone);
    await caller.segments.delete({ id: goldSegmentId });
    await expect(caller.segments.get({ id: goldSegmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
