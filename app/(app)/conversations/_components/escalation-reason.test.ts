import { describe, expect, it } from "vitest";
import { escalationReasonLine, handoffReasonWords } from "./escalation-reason";

describe("why a conversation is with people, in words", () => {
  it("uses the server's words for eligibility and consent reasons", () => {
    const text = "Sent to the inbox: the text has an inbox keyword";
    expect(escalationReasonLine({ status: "escalated", escalationReason: "ineligible:inbox_keyword", escalationReasonText: text })).toBe(text);
  });

  it("words the agent's handoffs by what happened to the conversation", () => {
    expect(escalationReasonLine({ status: "escalated", escalationReason: "shopper_requested", escalationReasonText: null })).toBe("Handed to a person: the shopper asked for a person");
    expect(escalationReasonLine({ status: "closed_out", escalationReason: "shopper_requested", escalationReasonText: null })).toBe("Closeout message sent: the shopper asked for a person");
    expect(handoffReasonWords("rule:refund")).toBe("escalation rule “refund”");
    expect(handoffReasonWords("model_timeout")).toBe("model timeout");
  });

  it("says nothing for the agent's own conversations or when there is no reason", () => {
    expect(escalationReasonLine({ status: "automating", escalationReason: "shopper_requested", escalationReasonText: null })).toBeNull();
    expect(escalationReasonLine({ status: "escalated", escalationReason: null, escalationReasonText: null })).toBeNull();
  });
});
