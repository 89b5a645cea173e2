import { tool, zodSchema } from "ai";
import { z } from "zod";
import type { CampaignContext } from "../run-agent-turn";

/** The campaign text the shopper replied to, with what a promo question usually asks for picked out. */
export type CampaignFacts = {
  campaign: { body: string; codes: string[]; links: string[]; discounts: string[]; dates: string[] } | null;
};

const LINK = /\bhttps?:\/\/[^\s<>"]+/gi;
// A code is written in capitals with a digit or after the word "code": SAVE20, "code WELCOME".
const CODE = /\b(?:code|coupon|promo)\s*:?\s*([A-Z][A-Z0-9-]{2,19})\b|\b([A-Z]{2,}[0-9]{1,4}|[A-Z]+-[A-Z0-9]+)\b/g;
const DISCOUNT = /\b(?:up to\s+)?\d{1,2}\s?% off\b|\$\d+ off\b|\bfree shipping\b|\bbogo\b|\bbuy one,? get one\b/gi;
const DATE =
  /\b(?:through|thru|until|till|ends?|expires?|by|before|valid (?:until|through))\s+((?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*)?(\d{1,2}\/\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|midnight|tonight|today|tomorrow|this week(?:end)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day)\b(?:\s+\d{1,2}\/\d{1,2})?/gi;

const STOP_WORDS = new Set(["STOP", "HELP", "SMS", "USA", "US", "UPS", "USPS"]);

/** Codes, links, discounts and end dates as the campaign's own words say them; nothing else. */
export function campaignFacts(campaign: CampaignContext | null | undefined): CampaignFacts {
  if (!campaign) return { campaign: null };
  const body = campaign.body;
  const codes = [...new Set(Array.from(body.matchAll(CODE), (m) => (m[1] ?? m[2])!).filter((c) => !STOP_WORDS.has(c) && /\d|^[A-Z]{4,}$/.test(c)))];
  const links = [...new Set(Array.from(body.matchAll(LINK), (m) => m[0].replace(/[.,!?;:)]+$/, "")))];
  const discounts = [...new Set(Array.from(body.matchAll(DISCOUNT), (m) => m[0]))];
  const dates = [...new Set(Array.from(body.matchAll(DATE), (m) => m[0]))];
  return { campaign: { body, codes, links, discounts, dates } };
}

// Wrapped once: the AI SDK turns the zod schema into JSON Schema on first use and keeps it (per turn it cost a conversion).
const lookupCampaignInput = zodSchema(z.object({ question: z.string().max(500).optional().describe("The shopper's question about the offer") }));

/** The campaign the shopper is replying to: the only place a discount, code or sale date may come from. */
export function lookupCampaignTool(deps: { campaign?: CampaignContext | null }) {
  return tool({
    description:
      "Get the campaign text the shopper is replying to (the brand's own promo message), with its codes, links, discounts " +
      "and end dates. Answer a question about a sale, code or offer only from this text; when it does not say (or there " +
      "is no campaign), or a code does not work, call handOff. Never invent a code, a discount or a date.",
    inputSchema: lookupCampaignInput,
    execute: async () => campaignFacts(deps.campaign),
  });
}
