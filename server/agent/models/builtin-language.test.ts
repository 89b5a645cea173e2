import { describe, expect, it } from "vitest";
import type { CommerceConnector, OrderSummary } from "../../commerce";
import { segmentInfo } from "../../sms";
import { runAgentTurn } from "../run-agent-turn";
import { builtinModel } from "./builtin-model";
import { detectLanguage, handedOffIn, lookupReplyIn } from "./builtin-language";

const order = (status: OrderSummary["status"], extra: Partial<OrderSummary> = {}): OrderSummary => ({
  number: "1234567890", status, placedAt: "2026-12-01T12:00:00Z", totalCents: 5000, currency: "USD", itemCount: 1, itemTitles: ["Camp Stove"],
  carrier: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=771234567890123", expectedDeliveryAt: "2026-12-15T12:00:00Z",
  deliveredAt: "2026-12-03T12:00:00Z", customerPhones: ["+15555550101"], ...extra,
});

describe("the shopper's language", () => {
  it.each([
    ["¿dónde está mi pedido?", "es"],
    ["quiero hablar con alguien", "es"],
    ["bonjour, où est ma commande ?", "fr"],
    ["je veux parler à un conseiller", "fr"],
    ["where is my order", "en"],
    ["do you have a rain jacket?", "en"],
    ["lol", "en"],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe("Spanish and French replies", () => {
  it.each(["es", "fr"] as const)("fit one segment for every order status and the hand-off (%s), UCS-2 included", (lang) => {
    const replies = [
      ...(["processing", "shipped", "delivered", "cancelled"] as const).map((s) => lookupReplyIn(lang, { orderNumber: null, orders: [order(s)] }, "America/New_York")),
      lookupReplyIn(lang, { orderNumber: "1234567890", orders: [] }, "America/New_York"),
      lookupReplyIn(lang, { orderNumber: null, orders: [] }, "America/New_York"),
      lookupReplyIn(lang, { orderNumber: "1234567890", orders: [], withheld: true }, "America/New_York"),
      handedOffIn(lang),
    ];
    for (const reply of replies) expect({ reply, segments: segmentInfo(reply).segments }).toEqual({ reply, segments: 1 });
  });

  it("answers a Spanish order question in Spanish with the order's status, and a French request for a person in French", async () => {
    const store: CommerceConnector = { name: "builtin", ordersByPhone: async () => [order("shipped", { number: "1002" })], orderByNumber: async () => null, searchProducts: async () => [] };
    const turn = (text: string) =>
      runAgentTurn({
        brand: { name: "Shop Co", timeZone: "America/New_York" },
        settings: { brandSummary: "", tone: "friendly", customTone: "", styleRules: [] },
        commerce: store,
        shopperPhone: "+15555550101",
        history: [{ role: "shopper", text }],
        model: { model: builtinModel({ brandName: "Shop Co", timeZone: "America/New_York" }), name: "builtin" },
      });
    const wismo = await turn("hola, cuándo llega mi pedido?");
    expect(wismo.skill).toBe("order_status");
    expect(wismo.reply).toMatch(/^Pedido #1002 enviado con FedEx, llega el 15 dic\./);
    const person = await turn("je voudrais parler à quelqu'un");
    expect(person.outcome).toBe("handoff");
    expect(person.reply).toBe(handedOffIn("fr"));
  });
});
