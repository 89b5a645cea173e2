/**
 * The conversation lifecycle: who owns a shopper's conversation, and what every event does to it.
 *
 * The product's promise: every text from a subscribed shopper is answered, or its conversation is
 * visibly *waiting for a person* (`awaitingPersonSince` set); the only other outcomes are stated
 * non-answers (noise, compliance keywords). This module is the one place that decides ownership
 * and waiting; the pipeline, the inbox actions and the sweeper ask it and apply what it returns.
 *
 * | status      | owner while its window is open        | the shopper's next text                         |
 * |-------------|---------------------------------------|-------------------------------------------------|
 * | automating  | the agent (people if a helpdesk tagged | continues with the agent                        |
 * |             | it agent_automated / agent_failure)    |                                                 |
 * | resolved    | nobody: it is over                     | starts a new agent conversation (Started)       |
 * | escalated   | people (handoff, teammate took it, or  | waits for a person                              |
 * |             | eligibility sent the text to people)   |                                                 |
 * | closed_out  | people (the closeout text was sent)    | waits for a person                              |
 * | failed      | people (fallback sent, ticket opened)  | waits for a person                              |
 * | closed      | nobody: a teammate closed it           | starts a new conversation                       |
 * A conversation a teammate is assigned to (and has not closed) is theirs whatever its window says.
 * After the window, anything but an assigned conversation is over. Eligibility applies to new
 * agent turns only: an ineligible shopper's text goes to people (no Started event: the agent
 * never engaged), and a not-subscribed number's text is kept visible but nobody may answer it.
 * While no person has claimed a conversation eligibility opened, a text the agent may answer brings
 * the agent in (the shopper sent the required keyword).
 */
import type { Conversation, ConversationStatus } from "../db";
import { assertUnreachable } from "../errors";
import { isClosedToAgent } from "../helpdesk/agent-tags";

export type Owner = "agent" | "people" | "nobody";

export type LifecycleConversation = Pick<Conversation, "status" | "assigneeId" | "tags" | "windowEndsAt" | "awaitingPersonSince" | "escalationReason">;

/**
 * Eligibility sent its texts to people and no person has taken or answered them yet: a text the
 * agent may answer now (the shopper sent the required keyword, the agent was switched back on)
 * brings the agent into this conversation rather than leaving the shopper waiting; the agent reads
 * the waiting texts with it, as one turn.
 */
export function isUnclaimedByPeople(c: LifecycleConversation, hasPersonReplied: boolean): boolean {
  const reason = c.escalationReason ?? "";
  // An inbox keyword is the shopper asking for people: their next text stays with people.
  const isOpenedByEligibility = reason.startsWith("ineligible:") && reason !== "ineligible:inbox_keyword";
  return c.status === "escalated" && isOpenedByEligibility && !c.assigneeId && !hasPersonReplied && c.awaitingPersonSince !== null;
}

/** Who a shopper's text arriving now belongs to in this conversation. */
export function ownerOf(c: LifecycleConversation, now: Date): Owner {
  if (c.status === "closed") return "nobody";
  // A teammate owns it: people answer, whatever the window says.
  if (c.assigneeId) return "people";
  if (c.windowEndsAt.getTime() <= now.getTime()) return "nobody";
  switch (c.status) {
    case "automating":
      // Kustomer's convention: a helpdesk that tags the conversation automated or failure has taken it.
      return isClosedToAgent(c.tags) ? "people" : "agent";
    case "resolved":
      return "nobody";
    case "escalated":
    case "closed_out":
    case "failed":
      return "people";
    default:
      return assertUnreachable(c.status);
  }
}

/** Where eligibility and consent send a shopper's text before the lifecycle places it. */
export type TextRoute =
  /** The agent may answer. */
  | { to: "agent" }
  /** Eligibility sends it to people (`ineligible:<rule>`). */
  | { to: "people"; reason: string }
  /** The number is not subscribed: nobody may text it, but people can see what it said. */
  | { to: "nobody"; reason: "not_subscribed" };

export type ShopperTextDecision =
  | { type: "agent_continues" }
  /** The agent starts in a conversation eligibility had sent to people, before any person claimed it (emits Started). */
  | { type: "agent_takes_over" }
  | { type: "agent_starts" }
  /** Existing (conversation set) or a new conversation with people; the text waits for a person. */
  | { type: "waits_for_person"; isExisting: boolean; reason: string; escalatesAgent: boolean }
  /** Kept in the conversation (or a new, closed one) for people to see; no one may reply. */
  | { type: "visible_only"; isExisting: boolean };

/**
 * The transition for a shopper's text: continue with the agent, start a new agent conversation,
 * leave it waiting for a person, or (not subscribed) keep it visible only.
 */
export function decideShopperText(
  current: LifecycleConversation | null,
  route: TextRoute,
  now: Date,
  /** Has a person written in `current`? (Only asked about a conversation eligibility opened.) */
  hasPersonReplied = false,
): ShopperTextDecision {
  const owner = current ? ownerOf(current, now) : "nobody";
  if (route.to === "nobody") return { type: "visible_only", isExisting: owner !== "nobody" };
  switch (owner) {
    case "people":
      if (route.to === "agent" && current && isUnclaimedByPeople(current, hasPersonReplied)) return { type: "agent_takes_over" };
      return { type: "waits_for_person", isExisting: true, reason: route.to === "people" ? route.reason : "human", escalatesAgent: false };
    case "agent":
      // A shopper who is no longer eligible (agent switched off, inbox keyword…) goes to people mid-conversation.
      return route.to === "agent" ? { type: "agent_continues" } : { type: "waits_for_person", isExisting: true, reason: route.reason, escalatesAgent: true };
    case "nobody":
      return route.to === "agent" ? { type: "agent_starts" } : { type: "waits_for_person", isExisting: false, reason: route.reason, escalatesAgent: false };
    default:
      return assertUnreachable(owner);
  }
}

/** Everything but a shopper's text that moves a conversation. */
export type LifecycleEvent =
  | { type: "agent_answered" }
  | { type: "agent_resolved" }
  | { type: "agent_handed_off" }
  | { type: "agent_closed_out" }
  | { type: "agent_failed" }
  /** `unansweredSince`: the shopper's earliest text no person has answered, when re-opening a finished conversation. */
  | { type: "teammate_took"; unansweredSince?: Date | null }
  | { type: "teammate_replied" }
  | { type: "teammate_gave_back" }
  | { type: "teammate_closed" }
  | { type: "window_expired" };

/** What an event changes: the status (when it changes) and whether the conversation waits for a person. */
export type LifecyclePatch = { status?: ConversationStatus; awaitingPersonSince?: Date | null };

const keepsWaiting: LifecyclePatch = {};

/**
 * The exhaustive transition for everything but shopper texts. A handoff or failure leaves the
 * shopper's text waiting for a person (the handoff or fallback message is not an answer); a
 * teammate's reply answers it; closing ends it. Taking or giving back changes who owns it, not
 * whether the shopper is waiting.
 */
export function transition(c: LifecycleConversation, event: LifecycleEvent, now: Date): LifecyclePatch {
  switch (event.type) {
    case "agent_answered":
      return keepsWaiting;
    case "agent_resolved":
      return { status: "resolved", awaitingPersonSince: null };
    case "agent_handed_off":
      return { status: "escalated", awaitingPersonSince: c.awaitingPersonSince ?? now };
    case "agent_closed_out":
      // The closeout text is the brand's answer; a later text waits for a person.
      return { status: "closed_out", awaitingPersonSince: null };
    case "agent_failed":
      return { status: "failed", awaitingPersonSince: c.awaitingPersonSince ?? now };
    case "teammate_took":
      if (c.status === "automating") return { status: "escalated" };
      // A finished one re-opened: people own it, and a shopper text no person answered waits again.
      if (c.status === "resolved" || c.status === "closed") return { status: "escalated", awaitingPersonSince: event.unansweredSince ?? null };
      return keepsWaiting;
    case "teammate_replied":
      return {
        ...(c.status === "automating" || c.status === "resolved" || c.status === "closed" ? { status: "escalated" as const } : {}),
        awaitingPersonSince: null,
      };
    case "teammate_gave_back":
      return keepsWaiting;
    case "teammate_closed":
      return { status: "closed", awaitingPersonSince: null };
    case "window_expired":
      // The agent answered and the shopper said no more: resolved by silence. A text waiting for a
      // person keeps waiting after the window: nobody has answered it.
      return c.status === "automating" ? { status: "resolved" } : keepsWaiting;
    default:
      return assertUnreachable(event);
  }
}

/** The patch for a shopper's text placed by `decideShopperText` in an existing conversation. */
export function shopperTextPatch(c: LifecycleConversation, decision: ShopperTextDecision, now: Date): LifecyclePatch {
  switch (decision.type) {
    case "agent_continues":
    case "agent_starts":
    case "visible_only":
      return keepsWaiting;
    case "agent_takes_over":
      // The agent answers this text and reads the ones before it with it (one turn).
      return { status: "automating", awaitingPersonSince: null };
    case "waits_for_person":
      return { ...(decision.escalatesAgent ? { status: "escalated" as const } : {}), awaitingPersonSince: c.awaitingPersonSince ?? now };
    default:
      return assertUnreachable(decision);
  }
}

/** Waiting for a person: a shopper's text that no person has answered, in a conversation nobody closed. */
export function isWaitingForPerson(c: Pick<Conversation, "awaitingPersonSince" | "status">): boolean {
  return c.awaitingPersonSince !== null && c.status !== "closed";
}

/** The same condition as a query (inbox filter, badge). */
export const waitingForPersonWhere = { awaitingPersonSince: { not: null }, status: { not: "closed" as const } };
