import { describe, expect, it } from "vitest";
import { areaLabelOf, fieldChangesOf } from "./describe-change";

const texts = (entry: { area: string; before: unknown; after: unknown }) =>
  fieldChangesOf(entry).map((c) => `${c.label}: ${c.before ? `${c.before.text} → ` : ""}${c.after.text}`);

describe("settings history in words", () => {
  it("names every settings area", () => {
    expect(["agent", "eligibility", "compliance", "keywords", "marketing", "channels", "brand"].map(areaLabelOf)).toEqual([
      "Customer agent",
      "Who can chat",
      "Compliance",
      "Keyword automations",
      "Marketing",
      "Channels",
      "Brand eligibility",
    ]);
  });

  it("describes channel changes without ever more than the token's last four characters", () => {
    expect(
      texts({
        area: "channels",
        before: { smsNumber: "+15555550100", accountSid: null, authToken: null },
        after: { smsNumber: "+15555550199", accountSid: "AC0123", authToken: "••••1a2b" },
      }),
    ).toEqual(["SMS number: +15555550100 → +15555550199", "Twilio Account SID: none (built-in simulator) → AC0123", "Twilio auth token: none → ••••1a2b"]);
  });

  it("describes restricted goods as categories and the agent switched off", () => {
    expect(
      texts({ area: "brand", before: { restrictedGoods: [], agentEnabled: true }, after: { restrictedGoods: ["alcohol", "tobacco"], agentEnabled: false } }),
    ).toEqual(["Restricted goods sold: none → Alcohol, Tobacco, vaping or cannabis", "Customer agent: on → off"]);
  });

  it("describes quiet hours as times of day, and the conversation starter as text", () => {
    expect(texts({ area: "compliance", before: { quietHoursStart: 8, quietHoursEnd: 21 }, after: { quietHoursStart: 9, quietHoursEnd: 20 } })).toEqual([
      "Send campaigns from: 8am → 9am",
      "Send campaigns until: 9pm → 8pm",
    ]);
    expect(texts({ area: "compliance", before: { helpReply: "Custom help" }, after: { helpReply: null } })).toEqual(["HELP reply: Custom help → Parley’s default"]);
    expect(texts({ area: "marketing", before: { conversationStarter: "Questions? Reply to chat with us." }, after: { conversationStarter: "Need a hand? Text us back." } })).toEqual([
      "Conversation starter: Questions? Reply to chat with us. → Need a hand? Text us back.",
    ]);
  });
});
