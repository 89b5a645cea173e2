/**
 * The agent's product and help-center skills end to end on the seeded demo brand: a shopper's
 * text goes through the real pipeline, the built-in model calls recommendProducts or answerFaq,
 * and the tools read the catalogue and the knowledge base with full-text search.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commerceFor, type ProductSummary } from "../commerce";
import { getDb } from "../db";
import { startWorker } from "../jobs";
import { searchKnowledge } from "../knowledge";
import { simulateText } from "../simulator";
import { segmentInfo } from "../sms";
import { createBrand, createShopper } from "../testing/fixtures";
import { DEMO, demoShopperPhone, seedDemo } from "../../prisma/seed";
import { builtinReplies } from ".";
import type { ToolTrace } from "./run-agent-turn";

let brandId: string;
let shopperNo = 30;
/** A subscribed demo shopper nobody in this file has texted yet (one conversation per test). */
function freshShopper(): string {
  do shopperNo++;
  while (shopperNo % 10 === 7 || shopperNo % 10 === 9); // the seed's unsubscribed and never-subscribed shoppers
  return demoShopperPhone(shopperNo);
}

beforeAll(async () => {
  await seedDemo(getDb(), { password: "parley-demo" });
  brandId = (await getDb().brand.findUniqueOrThrow({ where: { slug: DEMO.brandSlug } })).id;
  await startWorker();
});

const text = (from: string, body: string) => simulateText(getDb(), { brandId, from, body });

async function toolsOf(conversationId: string): Promise<ToolTrace[]> {
  const turns = await getDb().agentTurn.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
  return turns.flatMap((t) => t.tools as ToolTrace[]);
}

const product = (sku: string) => getDb().product.findFirstOrThrow({ where: { brandId, sku } });
const article = (title: string) => getDb().knowledgeArticle.findFirstOrThrow({ where: { brandId, title } });

describe("product recommendations", () => {
  it("recommends an in-stock product by name, price and link, in one segment, and records the product ids", async () => {
    const jacket = await product("JKT-RAIN-01");
    const result = await text(freshShopper(), "do you have a waterproof rain jacket?");

    expect(result.disposition).toBe("agent_replied");
    const [reply] = result.replies;
    expect(reply!.body).toBe(`Try the Cascade Rain Jacket ($129): ${jacket.url} - waterproof and in stock.`);
    expect(reply!.segments).toBe(1);
    expect(segmentInfo(reply!.body).segments).toBe(1);

    const [trace] = await toolsOf(result.conversationId!);
    expect(trace).toMatchObject({ name: "recommendProducts", input: { query: "waterproof rain jacket" } });
    const products = (trace!.output as { products: ProductSummary[] }).products;
    expect(products[0]).toMatchObject({ id: jacket.id, title: "Cascade Rain Jacket", priceCents: 12900, url: jacket.url, isInStock: true });
    expect(products.length).toBeLessThanOrEqual(3);
    expect(products.every((p) => p.isInStock)).toBe(true); // the sold-out Summit Down Parka also matches "jacket"
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: result.conversationId! } });
    expect(turn.skill).toBe("product_recommendation");
  });

  it("says a product is out of stock when only sold-out products match", async () => {
    const parka = await product("JKT-DOWN-02");
    const result = await text(freshShopper(), "looking for a down parka");

    expect(result.replies[0]!.body).toMatch(/^Sorry, the Summit Down Parka is out of stock right now\./);
    expect(result.replies[0]!.segments).toBe(1);
    const [trace] = await toolsOf(result.conversationId!);
    expect((trace!.output as { products: ProductSummary[] }).products).toEqual([expect.objectContaining({ id: parka.id, isInStock: false, inventory: 0 })]);
  });

  it("answers a stock question about a sold-out product honestly, then offers what is in stock", async () => {
    const bag = await product("BAG-SLP-08");
    const result = await text(freshShopper(), "is the sleeping bag in stock?");
    expect(result.replies[0]!.body).toMatch(/^Sorry, the Alpine 20F Sleeping Bag is out of stock right now\. You might like the /);
    expect(result.replies[0]!.segments).toBe(1);
    const [trace] = await toolsOf(result.conversationId!);
    const output = trace!.output as { products: ProductSummary[]; soldOut: ProductSummary[] };
    expect(output.soldOut.map((p) => p.id)).toEqual([bag.id]);
    expect(output.products.every((p) => p.isInStock)).toBe(true);
  });

  it("finds hiking boots among the catalogue", async () => {
    const boots = await product("BOOT-HIK-04");
    const result = await text(freshShopper(), "looking for hiking boots");
    expect(result.replies[0]!.body).toContain(`Trailhead Hiking Boots ($159): ${boots.url}`);
  });

  it("keeps to the shopper's budget", async () => {
    const result = await text(freshShopper(), "recommend a gift under $50");
    const [trace] = await toolsOf(result.conversationId!);
    const products = (trace!.output as { products: ProductSummary[] }).products;
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((p) => p.priceCents <= 5000 && p.isInStock)).toBe(true);
    expect(result.replies[0]!.body).toContain(products[0]!.url);
    expect(result.replies[0]!.segments).toBe(1);
  });

  it("never names a product the store does not have", async () => {
    const result = await text(freshShopper(), "do you sell kayaks?");
    expect(result.replies[0]!.body).toBe('Sorry, I couldn\'t find "kayaks" in our store. Try other words, or reply AGENT for a teammate.');
  });
});

describe("the help center", () => {
  it("answers the return policy with the returns article", async () => {
    const returns = await article("Returns and refunds");
    const result = await text(freshShopper(), "what's your return policy?");

    expect(result.disposition).toBe("agent_replied");
    expect(result.replies[0]!.body.startsWith(returns.answer)).toBe(true);
    expect(result.replies[0]!.segments).toBe(1);
    const [trace] = await toolsOf(result.conversationId!);
    expect(trace).toMatchObject({ name: "answerFaq", output: { articles: [expect.objectContaining({ id: returns.id })] } });
    const turn = await getDb().agentTurn.findFirstOrThrow({ where: { conversationId: result.conversationId! } });
    expect(turn.skill).toBe("faq");
  });

  it.each([
    ["how long does shipping take", "Shipping times and costs"],
    ["do you ship to Canada", "Shipping to Canada and international orders"],
    ["what size should I get", "Size guide and fit"],
    ["store hours?", "Store and support hours"],
    ["can I cancel my order", "Change or cancel an order"],
  ])("%s → %s", async (question, title) => {
    const { answer, url } = await article(title);
    const result = await text(freshShopper(), question);
    const body = result.replies[0]!.body;
    expect(body === answer || body === `${answer} ${url}`).toBe(true);
    expect(result.replies[0]!.segments).toBe(1);
  });

  it("says honestly when the help center has no answer, and brings in a teammate on yes", async () => {
    const phone = freshShopper();
    const result = await text(phone, "do you price match?");
    expect(result.disposition).toBe("agent_replied");
    expect(result.replies.map((r) => r.body)).toEqual([builtinReplies.helpCenterNoAnswer()]);
    const [trace] = await toolsOf(result.conversationId!);
    expect(trace).toMatchObject({ name: "answerFaq", output: { articles: [] } });

    const yes = await text(phone, "yes");
    expect(yes.disposition).toBe("escalated");
    expect(yes.conversationId).toBe(result.conversationId);
  });

  it("seeds a help center whose every answer fits one text, once", async () => {
    const articles = await getDb().knowledgeArticle.findMany({ where: { brandId } });
    expect(articles.length).toBeGreaterThanOrEqual(8);
    for (const a of articles) expect(segmentInfo(a.answer).segments, a.title).toBe(1);
    expect(await seedDemo(getDb(), { password: "parley-demo" })).toBe(false);
    expect(await getDb().knowledgeArticle.count({ where: { brandId } })).toBe(articles.length);
  });
});

describe("brand isolation", () => {
  it("never shows another brand's products or articles", async () => {
    const db = getDb();
    const other = await createBrand(db, { name: "Otter Goods" });
    const otherJacket = await db.product.create({
      data: { brandId: other.id, sku: "OTR-1", title: "Otter Waterproof Rain Jacket", priceCents: 9900, inventory: 50, url: "https://otter.example/p/1", tags: ["jacket", "rain", "waterproof"] },
    });
    const otherReturns = await db.knowledgeArticle.create({
      data: { brandId: other.id, title: "Return policy", body: "Returns within 7 days.", answer: "Otter takes returns within 7 days.", tags: ["returns"] },
    });

    const demo = await text(freshShopper(), "do you have a waterproof rain jacket?");
    expect(demo.replies[0]!.body).not.toContain("Otter");
    const demoProducts = ((await toolsOf(demo.conversationId!))[0]!.output as { products: ProductSummary[] }).products;
    expect(demoProducts.map((p) => p.id)).not.toContain(otherJacket.id);
    const demoFaq = await text(freshShopper(), "what's your return policy?");
    expect(demoFaq.replies[0]!.body).not.toContain("Otter");

    const otherShopper = await createShopper(db, other.id);
    const theirs = await simulateText(db, { brandId: other.id, from: otherShopper.phone, body: "do you have a waterproof rain jacket?" });
    expect(theirs.replies[0]!.body).toBe(`Try the Otter Waterproof Rain Jacket ($99): ${otherJacket.url} - in stock now.`);
    expect(await searchKnowledge(db, other.id, "return policy")).toEqual([expect.objectContaining({ id: otherReturns.id })]);

    const store = commerceFor(db, await db.brand.findUniqueOrThrow({ where: { id: brandId } }));
    expect((await store.searchProducts("otter waterproof rain jacket", 10)).every((p) => p.id !== otherJacket.id)).toBe(true);
  });
});

describe("order privacy", () => {
  it("does not tell one shopper about another shopper's order by its number", async () => {
    const brand = await getDb().brand.findUniqueOrThrow({ where: { slug: "juniper-outdoor" } });
    const result = await simulateText(getDb(), { brandId: brand.id, from: "+15555550102", body: "where is order #1001" });
    expect(result.replies[0]!.body).toContain("For your privacy");
    expect(result.replies[0]!.body).not.toContain("UPS");
    expect(result.replies[0]!.body).not.toContain("tracknum");
  });
});
