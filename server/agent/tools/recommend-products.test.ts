import { describe, expect, it } from "vitest";
import type { ProductSummary } from "../../commerce";
import { betterSoldOut, MAX_RECOMMENDATIONS, pickRecommendations } from "./recommend-products";

const p = (id: string, priceCents: number, inventory: number, tags: string[] = []): ProductSummary => ({
  id,
  sku: id,
  title: id,
  tags,
  priceCents,
  currency: "USD",
  url: `https://shop.example/p/${id}`,
  inventory,
  isInStock: inventory > 0,
});

describe("pickRecommendations", () => {
  it("keeps only in-stock products when any match, best first, at most three", () => {
    const found = [p("a", 100, 0), p("b", 100, 3), p("c", 100, 1), p("d", 100, 0), p("e", 100, 2), p("f", 100, 9)];
    expect(pickRecommendations(found, null).map((x) => x.id)).toEqual(["b", "c", "e"]);
    expect(MAX_RECOMMENDATIONS).toBe(3);
  });

  it("returns the sold-out matches, flagged, when nothing in stock matches", () => {
    const picked = pickRecommendations([p("parka", 24900, 0)], null);
    expect(picked).toEqual([expect.objectContaining({ id: "parka", isInStock: false })]);
  });

  it("respects the shopper's budget", () => {
    const found = [p("tent", 29900, 5), p("socks", 2900, 10), p("lamp", 4900, 0), p("hat", 5000, 3)];
    expect(pickRecommendations(found, 50).map((x) => x.id)).toEqual(["socks", "hat"]);
    expect(pickRecommendations([p("tent", 29900, 5)], 50)).toEqual([]);
  });

  it("points out a sold-out product that answers more of the shopper's words than anything in stock", () => {
    const found = [p("Switchback Daypack", 8900, 3, ["bag", "hiking"]), p("Alpine Sleeping Bag", 17900, 0, ["sleeping bag", "camping"])];
    const picked = pickRecommendations(found, null);
    expect(picked.map((x) => x.id)).toEqual(["Switchback Daypack"]);
    expect(betterSoldOut(found, picked, "sleeping bags", null).map((x) => x.id)).toEqual(["Alpine Sleeping Bag"]);
    // A sold-out product that matches no better than what is in stock stays out of the reply.
    expect(betterSoldOut(found, picked, "bag", null)).toEqual([]);
    // Nothing to point out when the recommendations themselves are the sold-out ones.
    expect(betterSoldOut([found[1]!], [found[1]!], "sleeping bag", null)).toEqual([]);
  });
});
