import { describe, expect, it } from "vitest";
import { detectIntent, extractBudget, extractOrderNumber, extractProductTerms, isPlainYes } from "./builtin-intents";

describe("built-in intent rules", () => {
  it.each([
    ["where is my order?", "order_status"],
    ["Where's my package", "order_status"],
    ["tracking for #1002 pls", "order_status"],
    ["can I talk to a person", "human"],
    ["I want to speak with someone", "human"],
    ["AGENT", "human"],
    ["thanks!", "thanks"],
    ["Thank you so much", "thanks"],
    ["hey", "greeting"],
    ["blorp", "unknown"],
    ["do you like pizza", "unknown"],
    ["what about the weather", "unknown"],
  ])("%s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it.each([
    "do you have a waterproof jacket?",
    "looking for hiking boots",
    "recommend a gift under $50",
    "what should I wear for rain",
    "Hi! Do you sell tents?",
    "rain jackets?",
    "is the rain jacket waterproof?",
    "I need a new pair of socks",
    "any good gift ideas for my dad",
    "is the down parka back in stock",
  ])("product: %s", (text) => {
    expect(detectIntent(text)).toBe("product");
  });

  it.each([
    "what's your return policy?",
    "how long does shipping take",
    "do you ship to Canada",
    "what size should I get",
    "store hours?",
    "how much is shipping",
    "is shipping free?",
    "do you have gift cards?",
    "do you take paypal",
    "is there a warranty",
    "can I cancel my order",
    "I want a refund",
    "where is my refund",
    "how do I exchange for a bigger size",
    "do you price match?",
    "do you have a store in Portland?",
    "hi, what are your hours on sunday",
  ])("faq: %s", (text) => {
    expect(detectIntent(text)).toBe("faq");
  });

  it.each([
    // An order number wins…
    ["did #1001 ship yet", "order_status"],
    ["how long will delivery take for order 1001", "order_status"],
    // …unless the shopper asks for a policy action on that order: the article answers that, a status would not.
    ["return my order #1002", "faq"],
    ["can I cancel order 1004?", "faq"],
    // Their own order beats shipping in general.
    ["when will my order ship", "order_status"],
    ["did my boots ship?", "order_status"],
    ["my jacket arrived yesterday", "order_status"],
    ["when will the tent arrive", "order_status"],
    // Shipping in general is a question for the help center.
    ["when will you ship to Canada", "faq"],
    // A person beats everything.
    ["return my order #1002, I want a human", "human"],
    // A product question with a greeting or thanks in front is still a product question.
    ["thanks! do you also have socks?", "product"],
  ])("priority: %s → %s", (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it.each([
    ["where is order #1001", "1001"],
    ["order number 1003 status", "1003"],
    ["order 1002?", "1002"],
    ["# 1004", "1004"],
    ["I ordered 2 jackets", null],
    ["call me at 5551234", null],
  ])("order number in %s → %s", (text, number) => {
    expect(extractOrderNumber(text)).toBe(number);
  });
});

describe("product words of a shopping question", () => {
  it.each([
    ["do you have a waterproof rain jacket?", ["waterproof", "rain", "jacket"]],
    ["do you have a waterproof jacket?", ["waterproof", "jacket"]],
    ["looking for hiking boots", ["hiking", "boots"]],
    ["recommend a gift under $50", ["gift"]],
    ["what should I wear for rain", ["rain"]],
    ["Do you sell a down parka??", ["down", "parka"]],
    ["any good gift ideas for my dad", ["gift"]],
    ["I'm looking for something warm for camping, maybe 50 dollars", ["warm", "camping"]],
    ["what do you recommend?", []],
    ["show me the 2-person tent", ["person", "tent"]],
  ])("%s → %j", (text, terms) => {
    expect(extractProductTerms(text)).toEqual(terms);
  });

  it.each([
    ["recommend a gift under $50", 50],
    ["boots below $120.50 please", 120.5],
    ["something less than 40 bucks", 40],
    ["$75 or less", 75],
    ["around $50", null],
    ["do you have rain jackets", null],
  ])("budget in %s → %s", (text, budget) => {
    expect(extractBudget(text)).toBe(budget);
  });
});

describe("a plain yes", () => {
  it.each(["yes", "Yes please!", "yep", "sure"])("%s is a yes", (t) => expect(isPlainYes(t)).toBe(true));
  it.each(["yes where is my order", "no", "yesterday"])("%s is not", (t) => expect(isPlainYes(t)).toBe(false));
});
