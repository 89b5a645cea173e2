/** How a new text finds its conversation: campaign replies name the campaign; helpdesk tags keep the agent out. */
import { beforeAll, describe, expect, it } from "vitest";
import { EventName } from "../analytics";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { createBrand, createShopper } from "../testing/fixtures";
import { resolveExpiredConversations } from "./resolve-expired-conversations";

let brandId: string;

beforeAll(async () => {
  await startWorker();
  brandId = (await createBrand(getDb())).id;
});

describe("conversation links", () => {
  it("a reply to a campaign text starts a conversation whose Started event names the campaign", async () => {
    const db = getDb();
    const shopper = await createShopper(db, brandId);
    const campaign = await db.campaign.create({ data: { brandId, name: "Fall layers", body: "New fleece is in!", status: "sent" } });
    await db.message.create({
      data: { brandId, profileId: shopper.id, direction: "outbound", author: "system", purpose: "campaign", campaignId: campaign.id, body: campaign.body, encoding: "GSM-7", segments: 1, status: "delivered", fromNumber: "+15550000000", toNumber: shopper.phone },
    });
    const r = await simulateText(db, { brandId, from: shopper.phone, body: "do you have fleece in blue?" });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: r.conversationId! } });
    expect(conversation.sourceCampaignId).toBe(campaign.id);
    const started = await db.event.findFirstOrThrow({ where: { brandId, name: EventName.conversationStarted, profileId: shopper.id } });
    expect(started.properties).toMatchObject({ conversationId: conversation.id, sourceCampaignId: campaign.id });

    // Outside the attribution window (24 h by default) a text is not a campaign reply.
    const later = await createShopper(db, brandId);
    await db.message.create({
      data: { brandId, profileId: later.id, direction: "outbound", author: "system", purpose: "campaign", campaignId: campaign.id, body: campaign.body, encoding: "GSM-7", segments: 1, status: "delivered", fromNumber: "+15550000000", toNumber: later.phone, createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const r2 = await simulateText(db, { brandId, from: later.phone, body: "do you have fleece in blue?" });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: r2.conversationId! } })).sourceCampaignId).toBeNull();
  });

  it("a conversation a helpdesk tagged agent_automated gets no agent reply", async () => {
    const db = getDb();
    const shopper = await createShopper(db, brandId);
    const first = await simulateText(db, { brandId, from: shopper.phone, body: "where is my order 1234?" });
    expect(first.disposition).toBe("agent_replied");
    await db.conversation.update({ where: { id: first.conversationId! }, data: { tags: ["vip", "agent_automated"] } });
    const next = await simulateText(db, { brandId, from: shopper.phone, body: "any update?" });
    expect(next.disposition).toBe("human");
    expect(next.replies).toEqual([]);
  });

  it("a conversation resolved by silence is tagged agent_automated, other tags kept", async () => {
    const db = getDb();
    const shopper = await createShopper(db, brandId);
    const r = await simulateText(db, { brandId, from: shopper.phone, body: "do you have rain jackets?" });
    await db.conversation.update({ where: { id: r.conversationId! }, data: { tags: ["vip", "agent_automating"], windowEndsAt: new Date(Date.now() - 1000) } });
    expect(await resolveExpiredConversations(db)).toBeGreaterThanOrEqual(1);
    const c = await db.conversation.findUniqueOrThrow({ where: { id: r.conversationId! } });
    expect(c.status).toBe("resolved");
    expect(c.tags).toEqual(["vip", "agent_automated"]);
  });
});
