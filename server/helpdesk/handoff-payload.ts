import crypto from "node:crypto";
import type { Db } from "../db";
import type { HandoffPayload, TranscriptLine } from "./connectors";
import { replyUrlOf } from "./helpdesk-settings";

function transcriptOf(value: unknown): TranscriptLine[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((line): line is Record<string, unknown> => Boolean(line) && typeof line === "object")
    .map((line) => ({
      at: String(line.at ?? ""),
      direction: line.direction === "outbound" ? ("outbound" as const) : ("inbound" as const),
      author: String(line.author ?? ""),
      body: String(line.body ?? ""),
    }));
}

/** What the helpdesk receives for a handoff ticket: its transcript, summary and sentiment, the shopper and the conversation. */
export async function handoffPayloadOf(db: Db, ticketId: string): Promise<HandoffPayload> {
  const ticket = await db.handoffTicket.findUniqueOrThrow({ where: { id: ticketId }, include: { brand: true, conversation: { include: { profile: true } } } });
  const { conversation, brand } = ticket;
  const profile = conversation.profile;
  return {
    event: "handoff.created",
    id: ticket.id,
    createdAt: ticket.createdAt.toISOString(),
    brand: { id: brand.id, name: brand.name, smsNumber: brand.smsNumber },
    conversation: { id: conversation.id, status: conversation.status, startedAt: conversation.startedAt.toISOString(), tags: conversation.tags },
    profile: { id: profile.id, phone: profile.phone, email: profile.email, firstName: profile.firstName, lastName: profile.lastName },
    escalationReason: ticket.reason,
    summary: ticket.summary,
    sentiment: ticket.sentiment,
    transcript: transcriptOf(ticket.transcript),
    reply: { method: "POST", url: replyUrlOf(conversation.id) },
  };
}

/** The shopper a test handoff is about: a made-up number (555-01xx is reserved for fiction). */
export const TEST_SHOPPER_PHONE = "+15555550199";

/** Settings → Send a test handoff: a sample that reads as a test everywhere it lands. */
export function testHandoffPayload(brand: { id: string; name: string; smsNumber: string }, now = new Date()): HandoffPayload {
  const id = `test_${crypto.randomBytes(8).toString("hex")}`;
  const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000).toISOString();
  return {
    event: "handoff.test",
    id,
    createdAt: now.toISOString(),
    brand: { id: brand.id, name: brand.name, smsNumber: brand.smsNumber },
    conversation: { id: `${id}_conversation`, status: "escalated", startedAt: minutesAgo(3), tags: ["agent_automated"] },
    profile: { id: "test_profile", phone: TEST_SHOPPER_PHONE, email: null, firstName: "Test", lastName: "Shopper" },
    escalationReason: "shopper_requested",
    summary: "This is a test handoff from Parley (Settings → Helpdesk). Shopper wrote \"Can I talk to a person?\". Nothing to do.",
    sentiment: "neutral",
    transcript: [
      { at: minutesAgo(3), direction: "inbound", author: "shopper", body: "Hi! Where is my order #1001?" },
      { at: minutesAgo(2), direction: "outbound", author: "agent", body: "Order #1001 shipped yesterday with UPS and should arrive Friday." },
      { at: minutesAgo(1), direction: "inbound", author: "shopper", body: "Can I talk to a person?" },
      { at: minutesAgo(1), direction: "outbound", author: "agent", body: "Of course. A teammate will text you here shortly." },
    ],
    reply: { method: "POST", url: replyUrlOf("{conversationId}") },
  };
}
