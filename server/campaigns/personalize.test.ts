import { describe, expect, it } from "vitest";
import { composeCampaignText, hasOptOutLanguage, STOP_FOOTER, withStopFooter } from "./compose-campaign-text";
import { hasPersonalization, parseTemplate, personalize } from "./personalize";

describe("personalize", () => {
  it("fills in the shopper's first name, or the fallback when there is none", () => {
    const body = 'Hi {{ first_name | default: "there" }}, the sale is on!';
    expect(personalize(body, { first_name: "Ava" })).toBe("Hi Ava, the sale is on!");
    expect(personalize(body, { first_name: null })).toBe("Hi there, the sale is on!");
    expect(personalize(body, { first_name: "   " })).toBe("Hi there, the sale is on!");
  });

  it("accepts tight spacing, single and curly quotes; no fallback means nothing", () => {
    expect(personalize("{{first_name|default:'friend'}}!", {})).toBe("friend!");
    expect(personalize("{{ first_name | default: “pal” }}!", {})).toBe("pal!");
    expect(personalize("Hi {{ last_name }}.", {})).toBe("Hi .");
    expect(personalize("From {{ brand_name }}", { brand_name: "Juniper" })).toBe("From Juniper");
  });

  it("names what is wrong with a tag it can't fill, and leaves it as written", () => {
    expect(parseTemplate("Hi {{ firstname }}").issues[0]?.message).toContain("there is no “firstname”");
    expect(parseTemplate("Hi {{ first_name | upcase }}").issues[0]?.message).toContain("the only filter is default");
    expect(parseTemplate("Hi {{ first_name | default }}").issues[0]?.message).toContain("put the fallback in quotes");
    expect(parseTemplate("Hi {{ first_name").issues[0]?.message).toContain("missing its closing }}");
    expect(parseTemplate("Hi {{ }}").issues[0]?.message).toContain("isn’t a tag Parley understands");
    expect(personalize("Hi {{ firstname }}", { first_name: "Ava" })).toBe("Hi {{ firstname }}");
    expect(parseTemplate('Hi {{ first_name | default: "there" }}').issues).toEqual([]);
  });

  it("knows whether a body is personalised", () => {
    expect(hasPersonalization("Sale today")).toBe(false);
    expect(hasPersonalization("Hi {{ first_name }}")).toBe(true);
  });
});

describe("the STOP footer", () => {
  it("is added on its own line unless the text already says STOP", () => {
    expect(withStopFooter("Sale today")).toBe(`Sale today\n${STOP_FOOTER}`);
    expect(withStopFooter("Sale today. Text STOP to quit")).toBe("Sale today. Text STOP to quit");
    expect(withStopFooter("Sale today. STOP=opt out")).toBe("Sale today. STOP=opt out");
  });

  it("doesn't mistake ordinary words for opt-out language", () => {
    expect(hasOptOutLanguage("Stop by our store")).toBe(false);
    expect(hasOptOutLanguage("NONSTOP deals")).toBe(false);
    expect(hasOptOutLanguage("Reply STOP to end")).toBe(true);
  });

  it("composes body, link and footer in that order", () => {
    const text = composeCampaignText({ body: 'Hi {{ first_name | default: "there" }}! New jackets are in.', linkUrl: "https://juniper.example/new" }, { first_name: "Mia" });
    expect(text).toBe(`Hi Mia! New jackets are in.\nhttps://juniper.example/new\n${STOP_FOOTER}`);
    expect(composeCampaignText({ body: "Hello", linkUrl: null }, {})).toBe(`Hello\n${STOP_FOOTER}`);
  });
});
