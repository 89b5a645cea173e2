/**
 * The built-in model reading a text with its conversation: complaints and anger go to a person
 * with a reason and a summary, follow-ups resolve against what was discussed, offers come only
 * from the campaign text. Texts here are not the eval's: they test the rules, not the cases.
 */
import { describe, expect, it } from "vitest";
import type { CommerceConnector, OrderSummary, ProductSummary } from "../../commerce";
import { runAgentTurn, type HistoryTurn } from "../run-agent-turn";
import { builtinModel } from "./builtin-model";
import { destinationQuestion, handoffSummary } from "./builtin-followups";
import { conversationContext } from "./builtin-context";
import { normalizeSlang } from "./builtin-intents";

const order = (number: string, status: OrderSummary["status"], itemTitles: string[]): OrderSummary => ({
  number, status, placedAt: "2026-12-01T12:00:00Z", totalCents: 5000, currency: "USD", itemCount: itemTitles.length, itemTitles,
  carrier: null, trackingUrl: null, expectedDeliveryAt: null, deliveredAt: null, customerPhones: ["+15555550101"],
});
const orders = [order("2001", "delivered", ["Trail Lantern"]), order("2002", "cancelled", ["Camp Stove"])];
const stove: ProductSummary = { id: "p1", sku: "STV", title: "Camp Stove", priceCents: 5900, currency: "USD", url: "https://shop.example/p/stove", inventory: 3, isInStock: true, tags: ["stove", "camping", "lightweight"] };
const store: CommerceConnector = {
  name: "builtin",
  ordersByPhone: async () => orders,
  orderByNumber: async (n) => orders.find((o) => o.number === n.replace(/^#/, "")) ?? null,
  searchProducts: async (q) => (/stove/i.test(q) ? [stove] : []),
};
const campaign = "Shop Co: 15% off stoves with code CAMP15 until Friday 12/11. https://shop.example/stoves Reply STOP to opt out";

const turn = (history: HistoryTurn[], opts: { campaign?: string } = {}) => {
  const withCampaign: HistoryTurn[] = opts.campaign ? [{ role: "brand", text: opts.campaign, source: "campaign" }, ...history] : history;
  return runAgentTurn({
    brand: { name: "Shop Co", timeZone: "America/New_York" },
    settings: { brandSummary: "", tone: "friendly", customTone: "", styleRules: [] },
    commerce: store,
    shopperPhone: "+15555550101",
    history: withCampaign,
    model: { model: builtinModel({ brandName: "Shop Co", timeZone: "America/New_York", campaign: opts.campaign ? { body: opts.campaign } : null }), name: "builtin" },
  });
};
const shopper = (text: string): HistoryTurn => ({ role: "shopper", text });
const brand = (text: string, tools?: HistoryTurn["tools"]): HistoryTurn => ({ role: "brand", text, ...(tools ? { tools } : {}) });

describe("complaints", () => {
  it.each([
    ["the stove showed up with a cracked valve", "damaged_item"],
    ["I ordered a stove but you sent a lantern", "wrong_item"],
    ["tracking shows delivered, but there is no package anywhere", "missing_parcel"],
    ["returned the lantern a month ago and still waiting for my refund", "refund"],
    ["i never asked you to cancel 2002", "cancellation_dispute"],
    ["you billed me for something i never ordered", "billing"],
  ])("%s → a person, reason %s, and no product pitch", async (text, reason) => {
    const r = await turn([shopper(text)]);
    expect(r.outcome).toBe("handoff");
    expect(r.handoffReason).toBe(reason);
    expect(r.tools.map((t) => t.name)).toEqual(["handOff"]);
    expect(r.handoffSummary).toContain(text.slice(0, 30));
  });

  it("names the order the conversation was about in the summary a teammate reads", async () => {
    const looked = { name: "lookupOrder", input: {}, output: { lookedUpBy: "phone", orderNumber: null, orders } };
    const r = await turn([shopper("did my order come"), brand("Order #2001 was delivered.", [looked]), shopper("it did but the lantern glass is broken, arrived like that")]);
    expect(r.handoffReason).toBe("damaged_item");
    expect(r.handoffSummary).toMatch(/^Damaged item; order #2001 \(delivered: Trail Lantern\)\. Shopper wrote: "/);
    expect(r.reply).toContain("arrived damaged");
  });
});

describe("anger and sarcasm", () => {
  it("hands off praise that follows bad news, but closes on thanks after good news", async () => {
    const sarcastic = await turn([shopper("where is 2002"), brand("Order #2002 was cancelled, so it won't ship."), shopper("fantastic. just fantastic")]);
    expect(sarcastic.handoffReason).toBe("upset_shopper");
    const sincere = await turn([shopper("where is 2001"), brand("Order #2001 was delivered."), shopper("fantastic, thank you")]);
    expect(sincere.outcome).toBe("resolved");
  });

  it("hands off shouting with exasperation, not shouting alone", async () => {
    expect((await turn([shopper("I HAVE TEXTED FIVE TIMES AND NOBODY ANSWERS")])).handoffReason).toBe("upset_shopper");
    expect((await turn([shopper("WHERE IS ORDER #2001")])).skill).toBe("order_status");
  });
});

describe("follow-ups", () => {
  it("takes 'the other one' to the order not talked about yet", async () => {
    const r = await turn([shopper("status of 2001?"), brand("Order #2001 was delivered."), shopper("how about the other one")]);
    expect(r.tools.map((t) => t.name)).toEqual(["lookupOrder"]);
    expect(r.reply).toContain("#2002");
  });

  it("answers a product question from the catalogue about the product just recommended", async () => {
    const r = await turn([shopper("need a stove"), brand("Try the Camp Stove ($59): https://shop.example/p/stove - in stock now."), shopper("is it lightweight?")]);
    expect(r.reply).toBe("Yes, the Camp Stove ($59) is lightweight: https://shop.example/p/stove");
  });
});

describe("offers", () => {
  it("answers from the campaign text and nothing else", async () => {
    const r = await turn([shopper("what's the code")], { campaign });
    expect(r.skill).toBe("promo");
    expect(r.reply).toContain("CAMP15");
    const unknown = await turn([shopper("does it stack with my gift card?")], { campaign });
    expect(unknown.outcome).toBe("handoff");
  });

  it("hands a code that fails to a person", async () => {
    const r = await turn([shopper("CAMP15 says invalid")], { campaign });
    expect(r.handoffReason).toBe("promo_problem");
  });
});

describe("reading helpers", () => {
  it("turns a foreign destination into the international shipping question, not a US one", () => {
    expect(destinationQuestion("do you ship to japan?")).toBe("international shipping outside the US to japan");
    expect(destinationQuestion("can you deliver to texas")).toBeNull();
    expect(destinationQuestion("how much is shipping")).toBeNull();
  });

  it("reads a word one edit from a key word as that word, and leaves real words alone", () => {
    expect(normalizeSlang("wher is my pakage")).toBe("where is my package");
    expect(normalizeSlang("the older one")).toBe("the older one");
  });

  it("keeps a summary within the tool's 300 characters", () => {
    expect(handoffSummary("billing", "x".repeat(1000), conversationContext([])).length).toBeLessThanOrEqual(300);
  });
});
