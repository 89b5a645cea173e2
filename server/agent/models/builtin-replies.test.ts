import { describe, expect, it } from "vitest";
import type { ProductSummary } from "../../commerce";
import { segmentInfo } from "../../sms";
import { faqReply, formatPrice, offersTeammate, recommendationReply as reply, replies } from "./builtin-replies";

const recommendationReply = (r: { query: string; maxPrice: number | null; products: ProductSummary[]; soldOut?: ProductSummary[] }) => reply({ soldOut: [], ...r });

const product = (over: Partial<ProductSummary> & Pick<ProductSummary, "title">): ProductSummary => ({
  id: `p_${over.title.length}`,
  sku: "SKU",
  priceCents: 12900,
  currency: "USD",
  url: `https://juniper.example/p/${over.title.toLowerCase().replace(/\W+/g, "-")}`,
  inventory: 5,
  isInStock: true,
  tags: [],
  ...over,
});
const rainJacket = product({ title: "Cascade Rain Jacket", url: "https://juniper.example/p/jkt-rain-01", tags: ["jacket", "rain", "waterproof", "outerwear"] });
const parka = product({ title: "Summit Down Parka", priceCents: 24900, inventory: 0, isInStock: false, tags: ["jacket", "winter", "down"] });
const sleepingBag = product({ title: "Alpine 20F Sleeping Bag", priceCents: 17900, inventory: 0, isInStock: false, tags: ["camping"] });
const tent = product({ title: "Basecamp 2-Person Tent", priceCents: 29900, url: "https://juniper.example/p/tent-2p-07", tags: ["tent", "camping"] });
const headlamp = product({ title: "Headlamp 400", priceCents: 4900, url: "https://juniper.example/p/lmp-hd-12", tags: ["headlamp", "camping", "gift"] });
const gloves = product({ title: "Storm Gloves", priceCents: 4500, url: "https://juniper.example/p/glv-wtr-11", tags: ["gloves", "winter", "waterproof"] });

const oneSegment = (text: string) => expect(segmentInfo(text).segments).toBe(1);

describe("product recommendation replies", () => {
  it("names one product with its price, link and why it fits", () => {
    const reply = recommendationReply({ query: "waterproof rain jacket", maxPrice: null, products: [rainJacket, gloves] });
    expect(reply).toBe("Try the Cascade Rain Jacket ($129): https://juniper.example/p/jkt-rain-01 - waterproof and in stock.");
    oneSegment(reply);
  });

  it("offers a second product when it answers the shopper's words as well and both fit one text", () => {
    const reply = recommendationReply({ query: "camping", maxPrice: null, products: [tent, headlamp] });
    expect(reply).toBe("Try the Basecamp 2-Person Tent ($299): https://juniper.example/p/tent-2p-07 or the Headlamp 400 ($49): https://juniper.example/p/lmp-hd-12 - both in stock.");
    oneSegment(reply);
  });

  it("keeps to one product when two would not fit one segment, links whole", () => {
    const long = (n: number) => product({ title: `Trailhead Ultralight Waterproof Hiking Boot ${n}`, url: `https://juniper.example/products/trailhead-ultralight-waterproof-${n}`, tags: ["boots"] });
    const reply = recommendationReply({ query: "boots", maxPrice: null, products: [long(1), long(2)] });
    oneSegment(reply);
    expect(reply).toContain("https://juniper.example/products/trailhead-ultralight-waterproof-1");
    expect(reply).not.toContain("waterproof-2");
  });

  it("says plainly when the only matches are out of stock", () => {
    expect(recommendationReply({ query: "down parka", maxPrice: null, products: [parka] })).toBe(
      "Sorry, the Summit Down Parka is out of stock right now. Reply AGENT if you'd like a teammate to help.",
    );
    expect(recommendationReply({ query: "warm camping", maxPrice: null, products: [parka, sleepingBag] })).toMatch(
      /^Sorry, the Summit Down Parka and the Alpine 20F Sleeping Bag are out of stock right now\./,
    );
  });

  it("names a better-matching sold-out product as out of stock before the in-stock alternative", () => {
    const bag = product({ title: "Alpine 20F Sleeping Bag", inventory: 0, isInStock: false, tags: ["sleeping bag"] });
    const daypack = product({ title: "Switchback 24L Daypack", priceCents: 8900, url: "https://juniper.example/p/pack-day-06", tags: ["bag"] });
    const text = recommendationReply({ query: "sleeping bag", maxPrice: null, products: [daypack], soldOut: [bag] });
    expect(text).toBe("Sorry, the Alpine 20F Sleeping Bag is out of stock right now. You might like the Switchback 24L Daypack ($89): https://juniper.example/p/pack-day-06");
    oneSegment(text);
  });

  it("says it found nothing rather than inventing a product", () => {
    expect(recommendationReply({ query: "kayak", maxPrice: null, products: [] })).toBe(
      'Sorry, I couldn\'t find "kayak" in our store. Try other words, or reply AGENT for a teammate.',
    );
    expect(recommendationReply({ query: "rain jacket", maxPrice: 50, products: [] })).toContain('"rain jacket" under $50');
  });

  it("stays one segment with a long title and keeps the link whole", () => {
    const huge = product({ title: "The Extremely Long Named Expedition Grade Waterproof Breathable Insulated Three In One Jacket", url: "https://juniper.example/p/expedition-3in1" });
    const reply = recommendationReply({ query: "jacket", maxPrice: null, products: [huge] });
    oneSegment(reply);
    expect(reply).toContain("https://juniper.example/p/expedition-3in1");
  });

  it.each([
    [12900, "USD", "$129"],
    [2950, "USD", "$29.50"],
    [4500, "CAD", "CA$45"],
    [1000, "EUR", "€10"],
  ])("formats %i %s as %s", (cents, currency, text) => {
    expect(formatPrice(cents, currency)).toBe(text);
  });
});

describe("FAQ replies", () => {
  const shipping = {
    id: "a1",
    title: "Shipping times and costs",
    answer: "Orders ship in 1-2 business days and arrive in 3-5 business days in the US. Shipping is free over $75, otherwise $6.95.",
    url: "https://juniper.example/help/shipping",
  };

  it("sends the article's answer with its link when both fit", () => {
    const reply = faqReply({ question: "how long does shipping take", articles: [shipping] });
    expect(reply).toBe(`${shipping.answer} ${shipping.url}`);
    oneSegment(reply);
  });

  it("drops the link rather than cutting the answer", () => {
    const answer = "Return unused items within 30 days of delivery for a full refund to your original payment. Refunds post 5-7 days after we get it.";
    const reply = faqReply({ question: "returns?", articles: [{ id: "a2", title: "Returns", answer, url: "https://juniper.example/help/returns" }] });
    expect(reply).toBe(answer);
  });

  it("is honest when the help center has no answer, and offers a teammate", () => {
    const reply = faqReply({ question: "do you price match?", articles: [] });
    expect(reply).toBe(replies.helpCenterNoAnswer());
    expect(offersTeammate(reply)).toBe(true);
    oneSegment(reply);
  });
});

describe("fixed replies", () => {
  it.each(Object.entries(replies).filter(([name]) => name !== "greeting" && name !== "orderNotFound"))("%s fits one segment", (_name, reply) => {
    oneSegment((reply as () => string)());
  });

  it("greets within one segment", () => {
    oneSegment(replies.greeting({ brandName: "Juniper Outdoor", timeZone: "America/New_York" }));
  });
});
