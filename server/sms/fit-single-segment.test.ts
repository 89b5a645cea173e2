import { describe, expect, it } from "vitest";
import { findUrls } from "./find-urls";
import { fitSingleSegment } from "./fit-single-segment";
import { segmentInfo } from "./segment-info";
import { toGsm7 } from "./to-gsm7";

const words = (word: string, count: number) => Array(count).fill(word).join(" ");

describe("fitSingleSegment", () => {
  it("returns a text that already fits unchanged", () => {
    expect(fitSingleSegment("Hi Sam, your order shipped!")).toEqual({
      text: "Hi Sam, your order shipped!",
      truncated: false,
    });
  });

  it("smart-encodes first, so curly quotes do not cost a second segment", () => {
    const text = "We’re " + "a".repeat(94); // 100 characters: 2 parts in UCS-2, 1 in GSM-7
    expect(fitSingleSegment(text)).toEqual({ text: "We're " + "a".repeat(94), truncated: false });
  });

  it("cuts at the last sentence that fits", () => {
    const first = "Your order #1042 shipped today.";
    const second = " It should arrive Thursday between 9am and 5pm, and you can follow it at https://parley.shop/t/1042 any time.";
    const third = " Reply with questions, we're happy to help!";
    expect(fitSingleSegment(first + second + third)).toEqual({ text: first + second, truncated: true });
  });

  it("treats a line break as a sentence boundary", () => {
    const text = "Order #1042: shipped\n" + words("more", 40);
    expect(fitSingleSegment(text).text).toBe("Order #1042: shipped");
  });

  it("keeps a short first sentence over a longer word cut (sentence boundaries come first)", () => {
    expect(fitSingleSegment("Hi! " + words("word", 40)).text).toBe("Hi!");
  });

  it("falls back to the last word boundary and marks the cut with an ellipsis", () => {
    // 31 words = 154 characters, + "..." = 157; 32 words would need 162.
    expect(fitSingleSegment(words("word", 40))).toEqual({ text: words("word", 31) + "...", truncated: true });
  });

  it("drops dangling punctuation before the ellipsis", () => {
    // 26 "abcd," tokens end in a comma; without it, 154 + "..." = 157 characters.
    expect(fitSingleSegment(words("abcd,", 40)).text).toBe(words("abcd,", 25) + " abcd...");
  });

  it("cuts inside a word only when no word fits", () => {
    expect(fitSingleSegment("x".repeat(300)).text).toBe("x".repeat(157) + "...");
  });

  it("drops a link that straddles the limit instead of cutting it", () => {
    const url = "https://parley.shop/products/linen-shirt-sage"; // 45 characters
    const text = words("x", 70) + " " + url + " thanks"; // the link spans characters 140-185
    expect(fitSingleSegment(text).text).toBe(words("x", 70) + "...");
  });

  it("with keepUrls, re-attaches a link that falls after the cut", () => {
    const url = "https://parley.shop/products/linen-shirt-sage";
    const text = words("x", 70) + " " + url + " thanks";
    // 56 x's = 111 characters, "..." + " " + 45-character link = 160.
    expect(fitSingleSegment(text, { keepUrls: true })).toEqual({
      text: words("x", 56) + "... " + url,
      truncated: true,
    });
  });

  it("with keepUrls, keeps a sentence cut and appends the link", () => {
    const first = "Our linen shirts are back in every colour, from sage to sand.";
    const second = " The summer dresses you asked about arrive next week in sizes XS to XL, in six prints.";
    const text = first + second + " See them all: https://parley.shop/new";
    expect(fitSingleSegment(text).text).toBe(first + second);
    expect(fitSingleSegment(text, { keepUrls: true }).text).toBe(first + " https://parley.shop/new");
  });

  it("removes a link too long for any segment", () => {
    const text = "Details: https://example.com/" + "a".repeat(200) + " Thanks for shopping with us.";
    expect(fitSingleSegment(text)).toEqual({ text: "Details: Thanks for shopping with us.", truncated: true });
  });

  it("budgets 70 units for UCS-2, an emoji costing two", () => {
    // 22 emoji (44 units) + 21 spaces + "..." = 68; 23 emoji would need 71.
    expect(fitSingleSegment(words("😀", 40)).text).toBe(words("😀", 22) + "...");
  });

  it("measures the cut text in its own encoding: dropping the emoji regains GSM-7's 160", () => {
    const result = fitSingleSegment(words("a", 100) + " 😀");
    expect(result.text).toBe(words("a", 79) + "...");
    expect(segmentInfo(result.text)).toEqual({ encoding: "GSM-7", segments: 1, characters: 160 });
  });

  it("counts extension characters twice when cutting", () => {
    // "{x}" is 5 septets: 26 of them + 25 spaces + "..." = 158 septets; 27 would need 164.
    expect(fitSingleSegment(words("{x}", 60)).text).toBe(words("{x}", 26) + "...");
  });

  it("always returns one segment and never a partial link (generated texts)", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pool = ["Hi", "Sam!", "your", "order", "shipped.", "“Linen”", "€5", "{promo}", "😀", "ê", "—", "…",
      "https://parley.shop/p/linen-shirt", "www.x.co/a", "\n", "sale,", "XS-XL;", "https://example.com/" + "z".repeat(170)];
    for (let i = 0; i < 500; i += 1) {
      const count = 1 + Math.floor(next() * 60);
      const text = Array.from({ length: count }, () => pool[Math.floor(next() * pool.length)]).join(" ");
      for (const keepUrls of [false, true]) {
        const result = fitSingleSegment(text, { keepUrls });
        expect(segmentInfo(result.text).segments).toBe(1);
        expect(result.truncated).toBe(result.text !== toGsm7(text));
        const sourceUrls = findUrls(toGsm7(text)).map((m) => m.url);
        for (const { url } of findUrls(result.text)) expect(sourceUrls).toContain(url);
      }
    }
  });
});
