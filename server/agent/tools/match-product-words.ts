import type { ProductSummary } from "../../commerce";

/** Crude English stem, enough to see that "boots" is the tag "boot" and "jackets" the title's "Jacket". */
export function stemWord(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** The stems of a text's words. */
export function stemsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stemWord));
}

/**
 * The shopper's words the product visibly answers, by its title and tags (not its description,
 * which mentions much it is not). Used to compare matches and to say why a product fits.
 */
export function productWordsMatched(product: Pick<ProductSummary, "title" | "tags">, query: string): string[] {
  const known = stemsOf([product.title, ...(product.tags ?? [])].join(" "));
  return [...stemsOf(query)].filter((stem) => known.has(stem));
}
