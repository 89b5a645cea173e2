/** The ticket text the ticketing helpdesks (Gorgias, Zendesk) get for a handoff: its subject, and a plain-text body with the transcript. */
import type { HandoffPayload } from "./connector";
import { shopperName, transcriptText } from "./http";

/** "SMS from Ava Chen: shipping question", or the test subject for a test handoff. */
export function handoffTicketSubject(payload: HandoffPayload): string {
  return payload.event === "handoff.test" ? "[Test] SMS handoff from Parley" : `SMS from ${shopperName(payload.profile)}: ${payload.escalationReason.replace(/_/g, " ")}`;
}

/** Who, why, the mood and summary, the whole transcript, and how to text the shopper back. `withEmail` adds the shopper's email to the "Shopper:" line. */
export function handoffTicketBody(payload: HandoffPayload, { withEmail }: { withEmail: boolean }): string {
  const { profile } = payload;
  return [
    payload.event === "handoff.test" ? "TEST handoff from Parley (Settings → Helpdesk). Nothing to do." : "Parley’s agent handed this SMS conversation to your team.",
    `Shopper: ${shopperName(profile)}, ${profile.phone}${withEmail && profile.email ? `, ${profile.email}` : ""}`,
    `Reason: ${payload.escalationReason.replace(/_/g, " ")}`,
    `Sentiment: ${payload.sentiment}`,
    `Summary: ${payload.summary}`,
    "",
    "Transcript:",
    transcriptText(payload.transcript),
    "",
    `Reply to the shopper by SMS with Parley’s API: ${payload.reply.method} ${payload.reply.url}`,
  ].join("\n");
}
