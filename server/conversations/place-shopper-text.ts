import type { Conversation, Db, Message, Profile } from "../db";
import { randomUUID } from "node:crypto";
import { EventName, newEventId, type EmitEventInput } from "../analytics";
import { campaignForReplySql, DEFAULT_ATTRIBUTION_WINDOW_HOURS } from "../campaigns/campaign-for-reply";
import { Prisma } from "../db";
import { modelFields, prefixedColumns, rowUnderPrefix } from "../db/joined-row";
import { assertUnreachable } from "../errors";
import { decideShopperText, isUnclaimedByPeople, shopperTextPatch, type ShopperTextDecision, type TextRoute } from "./lifecycle";

/**
 * `events`: the facts of the placement (Started, or Escalated when a text leaves the agent's
 * conversation with people), returned rather than written so the caller records them in the same
 * statement as its next write (the pipeline: the text's link to the conversation, right after).
 */
export type PlacedText = {
  decision: ShopperTextDecision;
  conversation: Conversation;
  events: EmitEventInput[];
  /** The text, already linked to its new conversation (with `linkText`, when the agent starts one: one statement for all three writes). */
  linkedMessage?: Message;
};

const HOUR = 3_600_000;

/**
 * The conversation a shopper's text arriving now is judged against — one a teammate owns, else the
 * latest still in its window — and, in the same statement, the campaign the text replies to (used
 * when a new conversation starts).
 */
async function currentConversation(db: Db, input: { brandId: string; profileId: string; now: Date; attributionWindowHours?: number }) {
  const campaign = campaignForReplySql({ ...input, attributionWindowHours: input.attributionWindowHours ?? DEFAULT_ATTRIBUTION_WINDOW_HOURS });
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT r."campaignId", ${Prisma.raw(prefixedColumns("c", modelFields.conversation))}
      FROM (SELECT ${campaign} AS "campaignId") r
      LEFT JOIN LATERAL (
        SELECT * FROM "Conversation"
         WHERE "brandId" = ${input.brandId} AND "profileId" = ${input.profileId}
           AND (("assigneeId" IS NOT NULL AND "status" <> 'closed') OR "windowEndsAt" > ${input.now}::timestamp(3))
         ORDER BY "lastMessageAt" DESC LIMIT 5) c ON true
     ORDER BY c."lastMessageAt" DESC`);
  const candidates = rows.map((r) => rowUnderPrefix<Conversation>(r, modelFields.conversation, "c")).filter((c): c is Conversation => c !== null);
  const current = candidates.find((c) => c.assigneeId && c.status !== "closed") ?? candidates[0] ?? null;
  return { current, campaignId: (rows[0]?.campaignId as string | null | undefined) ?? null };
}

/**
 * Places a shopper's text in a conversation as the lifecycle decides (server/conversations/lifecycle.ts):
 * continues the agent's conversation, starts a new one (with a Started event), or leaves the text with
 * people, waiting for a person — in the conversation they have, or a new one when eligibility sent
 * it there (no Started: the agent never engaged). A not-subscribed number's text joins its
 * conversation, or a new closed one, so people can see it.
 */
export async function placeShopperText(
  db: Db,
  input: {
    brandId: string;
    profile: Profile;
    message: Message;
    route: TextRoute;
    windowHours: number;
    now: Date;
    attributionWindowHours?: number;
    /** Link the text to the conversation the agent starts, in the statement that creates it (see startLinkingText). */
    linkText?: boolean;
  },
): Promise<PlacedText> {
  const { now } = input;
  const windowEndsAt = new Date(now.getTime() + input.windowHours * HOUR);
  const { current, campaignId } = await currentConversation(db, { brandId: input.brandId, profileId: input.profile.id, now, attributionWindowHours: input.attributionWindowHours });
  // Only a conversation eligibility opened can be taken over by the agent, and only if no person wrote in it.
  const mayBeUnclaimed = current !== null && input.route.to === "agent" && isUnclaimedByPeople(current, false);
  const hasPersonReplied = mayBeUnclaimed && (await db.message.count({ where: { conversationId: current.id, direction: "outbound", author: "human" } })) > 0;
  const decision = decideShopperText(current, input.route, now, hasPersonReplied);

  const isExisting = decision.type === "agent_continues" || decision.type === "agent_takes_over" || (decision.type !== "agent_starts" && decision.isExisting);
  if (current && isExisting) {
    const patch = shopperTextPatch(current, decision, now);
    // The agent's window runs from the latest text; people's at least one window from it, so the shopper's answers reach them.
    const extendsWindow = decision.type !== "visible_only" && current.windowEndsAt < windowEndsAt;
    const conversation = await db.conversation.update({
      where: { id: current.id },
      data: {
        lastMessageAt: now,
        ...(extendsWindow ? { windowEndsAt } : {}),
        ...patch,
        ...(decision.type === "waits_for_person" && decision.escalatesAgent ? { escalationReason: decision.reason } : {}),
        ...(decision.type === "agent_takes_over" ? { escalationReason: null } : {}),
      },
    });
    const events: EmitEventInput[] = [];
    if (decision.type === "agent_takes_over") events.push(startedEvent(conversation, input.message.body));
    if (decision.type === "waits_for_person" && decision.escalatesAgent) {
      events.push({
        brandId: input.brandId,
        profileId: input.profile.id,
        name: EventName.conversationEscalated,
        properties: { conversationId: conversation.id, channel: conversation.channel, reason: decision.reason, skill: conversation.skill, outcome: "escalated" },
        dedupeKey: `escalated:${conversation.id}`,
        occurredAt: now,
      });
    }
    return { decision, conversation, events };
  }

  // A reply to a campaign text (within the brand's attribution window) names the campaign.
  const base = { brandId: input.brandId, profileId: input.profile.id, startedAt: now, lastMessageAt: now, sourceCampaignId: campaignId };
  switch (decision.type) {
    case "agent_starts": {
      if (input.linkText) return { decision, events: [], ...(await startLinkingText(db, { ...base, windowEndsAt }, input.message)) };
      const conversation = await db.conversation.create({ data: { ...base, windowEndsAt } });
      return { decision, conversation, events: [startedEvent(conversation, input.message.body)] };
    }
    case "waits_for_person": {
      const conversation = await db.conversation.create({
        data: { ...base, windowEndsAt, status: "escalated", escalationReason: decision.reason, awaitingPersonSince: now },
      });
      return { decision, conversation, events: [] };
    }
    case "visible_only": {
      const conversation = await db.conversation.create({
        data: { ...base, windowEndsAt: now, status: "closed", endedAt: now, escalationReason: "not_subscribed" },
      });
      return { decision, conversation, events: [] };
    }
    case "agent_continues":
    case "agent_takes_over":
      throw new Error("lifecycle: an agent conversation to continue must exist");
    default:
      return assertUnreachable(decision);
  }
}

/**
 * A new agent conversation, its Started event and the text's link to it (and to the profile), in
 * one statement: a crash leaves all three or none.
 */
async function startLinkingText(
  db: Db,
  data: { brandId: string; profileId: string; startedAt: Date; lastMessageAt: Date; windowEndsAt: Date; sourceCampaignId: string | null },
  message: Message,
): Promise<{ conversation: Conversation; linkedMessage: Message }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    WITH c AS (
      INSERT INTO "Conversation" ("id", "brandId", "profileId", "startedAt", "lastMessageAt", "windowEndsAt", "sourceCampaignId")
      VALUES (${`co${randomUUID().replace(/-/g, "")}`}, ${data.brandId}, ${data.profileId}, ${data.startedAt}::timestamp(3), ${data.lastMessageAt}::timestamp(3),
              ${data.windowEndsAt}::timestamp(3), ${data.sourceCampaignId}::text)
      RETURNING *),
    started AS (
      INSERT INTO "Event" ("id", "brandId", "profileId", "name", "properties", "dedupeKey", "occurredAt")
      SELECT ${newEventId()}, c."brandId", c."profileId", ${EventName.conversationStarted},
             jsonb_build_object('conversationId', c."id", 'channel', c."channel", 'firstMessage', ${message.body}::text, 'sourceCampaignId', c."sourceCampaignId"),
             'started:' || c."id", c."lastMessageAt"
        FROM c
      ON CONFLICT ("brandId", "dedupeKey") DO NOTHING RETURNING 1),
    t AS (
      UPDATE "Message" SET "profileId" = ${data.profileId}, "conversationId" = (SELECT "id" FROM c), "updatedAt" = ${new Date()}::timestamp(3)
       WHERE "id" = ${message.id} RETURNING *)
    SELECT ${Prisma.raw(prefixedColumns("c", modelFields.conversation))}, ${Prisma.raw(prefixedColumns("t", modelFields.message))} FROM c, t`);
  const row = rows[0];
  if (!row) throw new Error(`inbound message ${message.id} not found`);
  return { conversation: rowUnderPrefix<Conversation>(row, modelFields.conversation, "c")!, linkedMessage: rowUnderPrefix<Message>(row, modelFields.message, "t")! };
}

/** The agent engaged: the Started event, once per conversation. */
function startedEvent(conversation: Conversation, firstMessage: string): EmitEventInput {
  return {
    brandId: conversation.brandId,
    profileId: conversation.profileId,
    name: EventName.conversationStarted,
    properties: { conversationId: conversation.id, channel: conversation.channel, firstMessage, sourceCampaignId: conversation.sourceCampaignId },
    dedupeKey: `started:${conversation.id}`,
    occurredAt: conversation.lastMessageAt,
  };
}

/** The shopper's conversation with the agent that is still inside its window, if any. */
export function findOpenAgentConversation(db: Db, input: { brandId: string; profileId: string; now: Date }) {
  return db.conversation.findFirst({
    where: { brandId: input.brandId, profileId: input.profileId, windowEndsAt: { gt: input.now }, status: "automating" },
    orderBy: { lastMessageAt: "desc" },
  });
}
