/**
 * An event as the profile timeline shows it: a sentence, a tone (the status colours used
 * everywhere), its key properties and the conversation it belongs to. Known Parley events get
 * words; any other event shows its name and its first few plain properties.
 */
import { consentLabel, type SmsConsentValue } from "@/components/ui/badge";
import { formatDuration } from "@/components/ui/format";
import { formatPropertyValue } from "../../_components/format-property";
import { describeConsentSource } from "./consent-source";

export type EventTone = "automating" | "resolved" | "escalated" | "closed_out" | "failed" | "neutral";
export type DescribedEvent = { title: string; tone: EventTone; details: [string, string][]; conversationId: string | null };

const MAX_DETAILS = 4;
const MAX_VALUE = 80;

function recordOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  const shown = formatPropertyValue(value);
  return shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE - 1)}…` : shown;
}

function isConsent(value: unknown): value is SmsConsentValue {
  return value === "subscribed" || value === "unsubscribed" || value === "never_subscribed";
}

function details(pairs: [string, unknown][]): [string, string][] {
  return pairs.flatMap(([label, value]) => {
    const shown = text(value);
    return shown === null ? [] : [[label, shown] as [string, string]];
  });
}

/** The conversation an event belongs to, when its properties name one. */
export function eventConversationId(properties: unknown): string | null {
  const id = recordOf(properties).conversationId;
  return typeof id === "string" ? id : null;
}

export function describeEvent(name: string, rawProperties: unknown): DescribedEvent {
  const p = recordOf(rawProperties);
  const conversationId = eventConversationId(p);
  switch (name) {
    case "Started Customer Agent Conversation":
      return { title: "Started a conversation with the agent", tone: "automating", details: details([["First text", p.firstMessage]]), conversationId };
    case "Resolved Customer Agent Conversation":
      return {
        title: "Conversation resolved by the agent",
        tone: "resolved",
        details: details([
          ["Skill", p.skill],
          ["Took", typeof p.resolutionSeconds === "number" ? formatDuration(p.resolutionSeconds * 1000) : null],
        ]),
        conversationId,
      };
    case "Escalated Customer Agent Conversation": {
      const outcome = p.outcome === "closed_out" ? "closed_out" : p.outcome === "failed" ? "failed" : "escalated";
      const title = outcome === "closed_out" ? "Conversation closed out" : outcome === "failed" ? "The agent failed" : "Handed to a teammate";
      return { title, tone: outcome, details: details([["Reason", typeof p.reason === "string" ? p.reason.replace(/_/g, " ") : null], ["Skill", p.skill]]), conversationId };
    }
    case "Received Product Recommendation from Customer Agent":
      return {
        title: "Got product recommendations from the agent",
        tone: "neutral",
        details: details([
          ["Looking for", p.query],
          ["Products", Array.isArray(p.productIds) ? p.productIds.length : null],
        ]),
        conversationId,
      };
    case "Changed SMS Consent": {
      const to = isConsent(p.to) ? p.to : null;
      const from = isConsent(p.from) ? p.from : null;
      return {
        title: to ? `SMS consent: ${from ? `${consentLabel(from)} → ` : ""}${consentLabel(to)}` : "SMS consent changed",
        tone: to === "subscribed" ? "resolved" : to === "unsubscribed" ? "failed" : "neutral",
        details: details([["Source", typeof p.source === "string" ? describeConsentSource(p.source) : null]]),
        conversationId,
      };
    }
    default:
      return {
        title: name,
        tone: "neutral",
        // Ids mean nothing to a person; the conversation id becomes a link instead.
        details: details(Object.entries(p).filter(([key, value]) => !/Ids?$/.test(key) && (value === null || typeof value !== "object" || Array.isArray(value)))).slice(0, MAX_DETAILS),
        conversationId,
      };
  }
}
