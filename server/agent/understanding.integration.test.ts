/**
 * The built-in model's understanding end to end on the seeded demo brand, through the real
 * pipeline: a complaint is handed off with its reason and a summary a teammate can act on, a
 * follow-up resolves against the order the agent looked up in an earlier turn (its tool results
 * come back with the history), a question about the campaign replied to is answered from its
 * text, and a Spanish order question is answered in Spanish.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { simulateText } from "../simulator";
import { segmentInfo } from "../sms";
import { DEMO, demoShopperPhone, seedDemo } from "../../prisma/seed";

let brandId: string;

beforeAll(async () => {
  await seedDemo(getDb(), { password: "parley-demo" });
  brandId = (await getDb().brand.findUniqueOrThrow({ where: { slug: DEMO.brandSlug } })).id;
  await startWorker();
});

const text = (from: string, body: string) => simulateText(getDb(), { brandId, from, body });
const lastTurnOf = (conversationId: string) => getDb().agentTurn.findFirstOrThrow({ where: { conversationId }, orderBy: { createdAt: "desc" } });

describe("the built-in model with the conversation", () => {
  it("hands a damaged-item complaint to a person with the reason and a summary naming the order it looked up before", async () => {
    const from = demoShopperPhone(3); // order #1003, delivered: Switchback 24L Daypack, Insulated Bottle 32oz
    const first = await text(from, "did my order arrive?");
    expect(first.replies[0]!.body).toContain("Order #1003 was delivered");

    const result = await text(from, "it did but the bottle came dented and the lid doesnt close");

    expect(result.disposition).toBe("escalated");
    expect(result.replies.map((r) => r.body)).toEqual(["I'm sorry it arrived damaged! A teammate will text you here shortly to make it right."]);
    const turn = await lastTurnOf(result.conversationId!);
    expect(turn.handoffReason).toBe("damaged_item");
    expect(turn.handoffSummary).toBe(
      'Damaged item; order #1003 (delivered: Switchback 24L Daypack, Insulated Bottle 32oz). Shopper wrote: "it did but the bottle came dented and the lid doesnt close"',
    );
    const ticket = await getDb().handoffTicket.findUniqueOrThrow({ where: { conversationId: result.conversationId! } });
    expect(ticket.reason).toBe("damaged_item");
  });

  it("takes 'what about the other one?' to the shopper's other order", async () => {
    const from = demoShopperPhone(1); // #1001 shipped, #1005 delivered
    const first = await text(from, "where is my order");
    expect(first.replies[0]!.body).toContain("Order #1001");

    const result = await text(from, "what about the other one?");

    expect(result.conversationId).toBe(first.conversationId);
    expect(result.replies[0]!.body).toMatch(/^Order #1005 was delivered/);
  });

  it("answers a question about the campaign replied to from its text", async () => {
    const from = demoShopperPhone(2);
    const profile = await getDb().profile.findFirstOrThrow({ where: { brandId, phone: from } });
    const body = "Juniper Outdoor: 20% off all fleece with code SAVE20 through Sunday 12/13. Reply STOP to opt out";
    const campaign = await getDb().campaign.create({ data: { brandId, name: "Fleece", body, status: "sent" } });
    await getDb().message.create({
      data: { brandId, profileId: profile.id, direction: "outbound", author: "system", purpose: "campaign", campaignId: campaign.id, body, encoding: "GSM-7", segments: 1, status: "delivered", fromNumber: DEMO.smsNumber, toNumber: from, createdAt: new Date(Date.now() - 60_000) },
    });

    const result = await text(from, "whats the code again");

    expect(result.replies[0]!.body).toBe("The code is SAVE20. From our text: Juniper Outdoor: 20% off all fleece with code SAVE20 through Sunday 12/13.");
    const turn = await lastTurnOf(result.conversationId!);
    expect(turn.skill).toBe("promo");
  });

  it("answers a Spanish order question in Spanish with the order's status, in one segment", async () => {
    const result = await text(demoShopperPhone(4), "hola, qué pasó con mi pedido?"); // #1004, cancelled

    expect(result.replies[0]!.body).toBe("Pedido #1004 cancelado, no se enviará. Responda AGENTE para ayuda.");
    expect(segmentInfo(result.replies[0]!.body)).toMatchObject({ encoding: "UCS-2", segments: 1 });
  });
});
