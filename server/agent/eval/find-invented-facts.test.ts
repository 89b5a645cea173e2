import { describe, expect, it } from "vitest";
import { findInventedFacts, type FactSources } from "./find-invented-facts";

const order = {
  lookedUpBy: "number",
  orderNumber: "1001",
  orders: [{ number: "1001", status: "shipped", totalCents: 15800, trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784", expectedDeliveryAt: "2026-11-23T15:00:00.000Z", deliveredAt: null }],
};
const sources = (over: Partial<FactSources> = {}): FactSources => ({ toolOutputs: [order], texts: ["where is my order"], timeZone: "America/New_York", ...over });

describe("findInventedFacts", () => {
  it("accepts a reply built only from the tool's output", () => {
    const reply = "Order #1001 shipped, arriving Nov 23 (Monday). Total $158.00. Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784.";
    expect(findInventedFacts(reply, sources())).toEqual([]);
  });

  it("flags an order number, price, link and date that nothing gave the agent", () => {
    const reply = "Order #1009 ($45) arrives 11/25, see https://juniper.example/track";
    expect(findInventedFacts(reply, sources())).toEqual([
      { kind: "order_number", value: "#1009" },
      { kind: "price", value: "$45" },
      { kind: "url", value: "https://juniper.example/track" },
      { kind: "date", value: "11/25" },
    ]);
  });

  it("reads a timestamp as the day in the brand's zone or in UTC, and flags a wrong weekday", () => {
    const late = { orders: [{ expectedDeliveryAt: "2026-11-24T02:00:00Z" }] };
    expect(findInventedFacts("Arriving November 23rd", sources({ toolOutputs: [late] }))).toEqual([]);
    expect(findInventedFacts("Arriving Nov 24", sources({ toolOutputs: [late] }))).toEqual([]);
    expect(findInventedFacts("Arriving Friday", sources({ toolOutputs: [late] }))).toEqual([{ kind: "date", value: "Friday" }]);
  });

  it("lets the reply repeat what the shopper said and what the brand's summary says", () => {
    const reply = "I couldn't find order #4242. Shipping is free over $75.";
    expect(findInventedFacts(reply, sources({ toolOutputs: [], texts: ["where is #4242", "Free shipping over $75; 30-day returns."] }))).toEqual([]);
  });

  it("takes product prices in dollars or cents from tool outputs", () => {
    const products = [{ title: "Cascade Rain Jacket", priceCents: 12900 }, { title: "Hat", price: 34 }];
    expect(findInventedFacts("The jacket is $129, the hat $34.00", sources({ toolOutputs: [products] }))).toEqual([]);
  });

  it("does not read 24/7 or a link's digits as dates", () => {
    expect(findInventedFacts("We're here 24/7: https://www.ups.com/track?tracknum=1Z999AA10123456784", sources())).toEqual([]);
  });
});
