import { describe, expect, it } from "vitest";
import type { CommerceConnector, ProductSummary } from "../../commerce";
import type { KnowledgeAnswer } from "../../knowledge";
import { runAgentTurn } from "../run-agent-turn";
import { builtinModel } from "./builtin-model";
import { replies } from "./builtin-replies";

const jacket: ProductSummary = { id: "prod_jacket", sku: "JKT", title: "Cascade Rain Jacket", priceCents: 12900, currency: "USD", url: "https://juniper.example/p/jkt", inventory: 4, isInStock: true, tags: ["rain", "waterproof"] };
const returns: KnowledgeAnswer = { id: "kb_returns", title: "Returns and refunds", answer: "Return unused items within 30 days for a full refund.", url: "https://juniper.example/help/returns" };

const searched: string[] = [];
const store: CommerceConnector = {
  name: "builtin",
  ordersByPhone: async () => [],
  orderByNumber: async () => null,
  searchProducts: async (query) => {
    searched.push(query);
    return /jacket|rain/.test(query) ? [jacket] : [];
  },
};
const searchKnowledge = async (q: string) => (/return/i.test(q) ? [returns] : []);
const ctx = { brandName: "Juniper", timeZone: "America/New_York" };
const turn = (history: { role: "shopper" | "brand"; text: string }[]) =>
  runAgentTurn({
    brand: { name: "Juniper", timeZone: "America/New_York" },
    settings: { brandSummary: "", tone: "friendly", customTone: "", styleRules: [] },
    commerce: store,
    shopperPhone: "+15555550101",
    searchKnowledge,
    history,
    model: { model: builtinModel(ctx), name: "builtin" },
  });
const ask = (text: string) => [{ role: "shopper" as const, text }];

describe("the built-in model's product and FAQ skills", () => {
  it("searches the catalogue with the product words and recommends what it found", async () => {
    const r = await turn(ask("do you have a waterproof rain jacket?"));
    expect(searched.at(-1)).toBe("waterproof rain jacket");
    expect(r.outcome).toBe("answered");
    expect(r.skill).toBe("product_recommendation");
    expect(r.reply).toBe("Try the Cascade Rain Jacket ($129): https://juniper.example/p/jkt - waterproof and in stock.");
    expect(r.tools).toEqual([
      { name: "recommendProducts", input: { query: "waterproof rain jacket" }, output: { query: "waterproof rain jacket", maxPrice: null, products: [jacket], soldOut: [] } },
    ]);
  });

  it("passes the shopper's budget to the search", async () => {
    const r = await turn(ask("recommend a gift under $50"));
    expect(r.tools[0]).toMatchObject({ name: "recommendProducts", input: { query: "gift", maxPrice: 50 }, output: { products: [] } });
    expect(r.reply).toContain('"gift" under $50');
  });

  it("asks what the shopper is after when the text names no product", async () => {
    const r = await turn(ask("what do you recommend?"));
    expect(r.tools).toEqual([]);
    expect(r.reply).toBe(replies.askWhatProduct());
  });

  it("answers a store question from the help center", async () => {
    const r = await turn(ask("what's your return policy?"));
    expect(r.skill).toBe("faq");
    expect(r.tools).toEqual([{ name: "answerFaq", input: { question: "what's your return policy?" }, output: { question: "what's your return policy?", articles: [returns] } }]);
    expect(r.reply).toBe(`${returns.answer} ${returns.url}`);
  });

  it("says so when the help center has no answer, and hands off on the second miss", async () => {
    const first = await turn(ask("do you price match?"));
    expect(first.outcome).toBe("answered");
    expect(first.reply).toBe(replies.helpCenterNoAnswer());
    const second = await turn([...ask("do you price match?"), { role: "brand", text: first.reply }, ...ask("what's your discount code policy")]);
    expect(second.outcome).toBe("handoff");
    expect(second.handoffReason).toBe("out_of_scope");
  });

  it("takes a plain yes to the teammate offer as a request for a person", async () => {
    const r = await turn([...ask("do you price match?"), { role: "brand", text: replies.helpCenterNoAnswer() }, ...ask("yes please")]);
    expect(r.outcome).toBe("handoff");
    expect(r.handoffReason).toBe("shopper_requested");
  });
});

describe("the built-in model on several quick texts answered as one turn", () => {
  // Shopper texts in a row reach the model as one turn, one text per line (conversationHistory).
  it("answers the shopping question in a burst of small talk and questions", async () => {
    const r = await turn(ask("hey\nquick question\ndo you have a rain jacket for hiking?\nthx"));
    expect(r.skill).toBe("product_recommendation");
    expect(r.reply).toContain("Cascade Rain Jacket");
  });

  it("hands off when any text of the turn asks for a person", async () => {
    const r = await turn(ask("do you have rain jackets?\nactually can I just talk to a real person"));
    expect(r.outcome).toBe("handoff");
  });

  it("answers a help-center question split over texts without reading the greeting as the question", async () => {
    const r = await turn(ask("hi there\nwhat's your return policy?"));
    expect(r.skill).toBe("faq");
    expect(r.reply).toContain("30 days");
  });

  it("answers one of five different questions well rather than all of them badly", async () => {
    const r = await turn(ask("do you have rain jackets?\nwhat are your store hours?\ndo you ship to canada?\nhow do returns work?\nany gift cards?"));
    expect(r.outcome).toBe("answered");
    expect(r.reply).toContain("Cascade Rain Jacket");
  });

  it("looks up the help center with the text that asked, not the whole turn", async () => {
    const r = await turn(ask("ok\nhow do returns work for sale items\nlol"));
    expect(r.skill).toBe("faq");
    expect(r.reply).toContain("30 days");
  });

  it("takes a turn of thanks only as thanks", async () => {
    const r = await turn([{ role: "brand", text: "Order #1001 shipped." }, { role: "shopper", text: "ok great\nthank you!" }]);
    expect(r.outcome).toBe("resolved");
  });
});
