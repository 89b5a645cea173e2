import { tool, zodSchema } from "ai";
import { z } from "zod";
import type { CommerceConnector, ProductSummary } from "../../commerce";
import { productWordsMatched } from "./match-product-words";

export const MAX_RECOMMENDATIONS = 3;
// Searched beyond the three we show, so a budget still leaves the best affordable matches.
const SEARCH_POOL = 10;

export type ProductRecommendations = {
  query: string;
  maxPrice: number | null;
  /** What to recommend: in stock, or (only when nothing in stock matches) sold out, flagged. */
  products: ProductSummary[];
  /** A sold-out product that answers the shopper's words better than anything in stock ("sleeping bag"), to name as out of stock. */
  soldOut: ProductSummary[];
};

// Wrapped once: the AI SDK turns the zod schema into JSON Schema on first use and keeps it (per turn it cost a conversion).
const recommendProductsInput = zodSchema(
  z.object({
    query: z
      .string()
      .min(1)
      .max(200)
      .describe("Only the words describing the product or its use, e.g. 'waterproof rain jacket' or 'hiking boots'; no filler like 'do you have'"),
    maxPrice: z
      .number()
      .positive()
      .optional()
      .describe("The shopper's budget in the store's currency when they gave one, e.g. 50 for 'under $50'"),
  }),
);

/**
 * The products worth showing, best first: within budget; in stock only, unless nothing in stock
 * matches, then the sold-out matches (isInStock false) so the shopper hears that honestly.
 */
export function pickRecommendations(found: ProductSummary[], maxPrice: number | null): ProductSummary[] {
  const affordable = maxPrice === null ? found : found.filter((p) => p.priceCents <= Math.round(maxPrice * 100));
  const inStock = affordable.filter((p) => p.isInStock);
  return (inStock.length > 0 ? inStock : affordable).slice(0, MAX_RECOMMENDATIONS);
}

/**
 * The sold-out product the shopper most likely meant, when it answers more of their words than
 * the in-stock recommendations do: "is the sleeping bag in stock?" must not be answered with a
 * daypack alone.
 */
export function betterSoldOut(found: ProductSummary[], picked: ProductSummary[], query: string, maxPrice: number | null): ProductSummary[] {
  if (!picked[0]?.isInStock) return [];
  const best = Math.max(...picked.map((p) => productWordsMatched(p, query).length));
  const soldOut = found
    .filter((p) => !p.isInStock && (maxPrice === null || p.priceCents <= Math.round(maxPrice * 100)))
    .map((p) => ({ p, score: productWordsMatched(p, query).length }))
    .filter(({ score }) => score > best)
    .sort((a, b) => b.score - a.score);
  return soldOut.slice(0, 1).map(({ p }) => p);
}

/** Product search and recommendations from the brand's own catalogue. */
export function recommendProductsTool(deps: { commerce: CommerceConnector }) {
  return tool({
    description:
      "Search this store's catalogue for products that fit what the shopper is looking for, and get up to 3 to recommend, " +
      "best match first, each with its id, title, price (priceCents, currency), link (url) and whether it is in stock. " +
      "In-stock products only, unless only sold-out products match: then those come back with isInStock false and you " +
      "must say they are out of stock. soldOut, when not empty, is a sold-out product that fits the shopper's words " +
      "better than the in-stock ones: say it is out of stock before suggesting the others. No products means the store has nothing matching: say so, never guess. " +
      "Recommend only products this tool returned, with their exact title, price and link; never invent a product, a " +
      "price, a discount or a feature.",
    inputSchema: recommendProductsInput,
    execute: async ({ query, maxPrice }): Promise<ProductRecommendations> => {
      const found = await deps.commerce.searchProducts(query, SEARCH_POOL);
      const products = pickRecommendations(found, maxPrice ?? null);
      return { query, maxPrice: maxPrice ?? null, products, soldOut: betterSoldOut(found, products, query, maxPrice ?? null) };
    },
  });
}
