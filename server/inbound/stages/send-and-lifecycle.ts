import { EventName } from "../../analytics";
import { Prisma, type Conversation } from "../../db";
import { escalateConversation, leaveWithPeople, resolveConversation } from "../../conversations";
import { AgentTag, createHandoffTicket, isClosedToAgent, setAgentTag, withAgentTag } from "../../helpdesk";
import { assertUnreachable } from "../../errors";
import { queueOutbound } from "../../outbound";
import { fitSingleSegment } from "../../sms";
import { conversationOf, profileOf, stop, type PipelineContext, type Stage } from "../pipeline-types";

type ReplyUpdate = { skill?: string | null; tags?: { read: string[]; next: string[] } };

/**
 * The conversation's update after a reply: the agent's replies counted from the rows (so a re-run
 * job never counts a reply twice), the turn's skill and, when given, the agent tag computed from the
 * tags the stage just read — set only if nobody changed them meanwhile (a helpdesk's tag wins).
 */
function replyUpdateSql(conversationId: string, opts: ReplyUpdate): Prisma.Sql {
  const tags = opts.tags ?? { read: [], next: [] };
  return Prisma.sql`
    UPDATE "Conversation" c SET
      "agentReplyCount" = (SELECT count(*) FROM "Message" m WHERE m."conversationId" = c."id" AND m."author" = 'agent'),
      "skill" = coalesce(${opts.skill || null}::text, c."skill"),
      "tags" = CASE WHEN ${opts.tags ? true : false} AND c."tags" = ${tags.read}::text[] THEN ${tags.next}::text[] ELSE c."tags" END
    WHERE c."id" = ${conversationId} RETURNING *`;
}

/**
 * Queues the reply, then updates the conversation (replyUpdateSql): at once when the lifecycle
 * goes on from the updated row, or — `withDisposition` — in the statement that writes the text's
 * disposition (pipeline.ts), when nothing else follows.
 */
async function sendReply(ctx: PipelineContext, body: string, opts: ReplyUpdate & { withDisposition?: boolean } = {}) {
  const conversation = conversationOf(ctx);
  await queueOutbound(ctx.db, {
    brandId: ctx.brand.id,
    profileId: profileOf(ctx).id,
    conversationId: conversation.id,
    inReplyToId: ctx.message.id,
    body: fitSingleSegment(body).text,
    author: "agent",
    purpose: "agent",
    idempotencyKey: `agent:${ctx.message.id}`,
  }, { brand: ctx.brand, profile: profileOf(ctx) });
  const update = replyUpdateSql(conversation.id, opts);
  if (opts.withDisposition) {
    ctx.writes.push(update);
    return;
  }
  const rows = await ctx.db.$queryRaw<Conversation[]>(update);
  ctx.conversation = rows[0] ?? conversation;
}

/** Records which products the agent recommended in this turn (for segments such as "recommended, didn't buy"). */
function noteRecommendations(ctx: PipelineContext) {
  const rec = ctx.turn?.tools.find((t) => t.name === "recommendProducts" && !t.error);
  // Sold-out matches are mentioned as unavailable, not recommended.
  const products = ((rec?.output as { query?: string; products?: { id: string; isInStock?: boolean }[] } | undefined)?.products ?? []).filter((p) => p.isInStock !== false);
  if (!products.length) return;
  // Written with the text's disposition (pipeline.ts): one statement fewer per recommending turn.
  ctx.events.push({
    brandId: ctx.brand.id,
    profileId: profileOf(ctx).id,
    name: EventName.productRecommended,
    properties: { conversationId: conversationOf(ctx).id, productIds: products.map((p) => p.id), query: (rec?.output as { query?: string }).query ?? null, channel: "sms" },
    dedupeKey: `recommended:${ctx.message.id}`,
    occurredAt: ctx.now,
  });
}

/**
 * 10. Send the reply, then settle the conversation: resolved, escalated, closed out or failed.
 * The helpdesk tags (Kustomer's convention) follow: agent_automating while the agent answers,
 * agent_automated after a handoff or resolution, agent_failure on failure. A conversation tagged
 * automated or failure (by a handoff, or by a helpdesk or teammate meanwhile) gets no agent reply.
 */
export const sendAndLifecycle: Stage = {
  name: "send_and_lifecycle",
  async run(ctx) {
    const turn = ctx.turn;
    if (!turn) throw new Error("pipeline: agent turn has not run");
    const conversation = conversationOf(ctx);
    // Read again after the agent thought (with the stored turn; here when the turn was stored by an
    // earlier run): a teammate may have taken the conversation, or a helpdesk tagged it, meanwhile.
    const current = ctx.ownership ?? (await ctx.db.conversation.findUniqueOrThrow({ where: { id: conversation.id }, select: { tags: true, assigneeId: true, status: true } }));
    if (isClosedToAgent(current.tags) || current.assigneeId !== null || current.status !== "automating") {
      await leaveWithPeople(ctx.db, { conversationId: conversation.id, message: ctx.message });
      return stop("human");
    }
    noteRecommendations(ctx);
    switch (turn.outcome) {
      case "answered": {
        // Not closed to the agent (checked above), so the tag becomes automating, in the reply's update.
        await sendReply(ctx, turn.reply, { skill: turn.skill, tags: { read: current.tags, next: withAgentTag(current.tags, AgentTag.automating) }, withDisposition: true });
        return stop("agent_replied");
      }
      case "resolved":
        await sendReply(ctx, turn.reply);
        await resolveConversation(ctx.db, { conversation: conversationOf(ctx), skill: turn.skill ?? conversation.skill, now: ctx.now });
        await setAgentTag(ctx.db, conversation.id, AgentTag.automated);
        return stop("agent_replied");
      case "handoff": {
        const closeout = ctx.settings.handoffMode === "closeout";
        await sendReply(ctx, closeout ? ctx.settings.closeoutMessage : turn.reply);
        await escalateConversation(ctx.db, {
          conversation: conversationOf(ctx),
          status: closeout ? "closed_out" : "escalated",
          reason: turn.handoffReason ?? "shopper_requested",
          summary: turn.handoffSummary ?? null,
          skill: turn.skill ?? conversation.skill,
          now: ctx.now,
        });
        // Tagged before the ticket exists, so the helpdesk receives the conversation as handed off.
        await setAgentTag(ctx.db, conversation.id, AgentTag.automated);
        // Inbox mode: a person picks it up from a ticket (and the brand's helpdesk, when connected,
        // receives it); closeout mode: the closeout text is the end.
        if (!closeout) await createHandoffTicket(ctx.db, { conversationId: conversation.id, reason: turn.handoffReason ?? "shopper_requested", agentSummary: turn.handoffSummary });
        return stop(closeout ? "closed_out" : "escalated");
      }
      case "failed":
        await sendReply(ctx, turn.reply);
        await escalateConversation(ctx.db, {
          conversation: conversationOf(ctx),
          status: "failed",
          reason: turn.failureReason?.split(":")[0] ?? "agent_failure",
          summary: turn.failureReason ?? null,
          skill: turn.skill ?? conversation.skill,
          now: ctx.now,
        });
        await setAgentTag(ctx.db, conversation.id, AgentTag.failure);
        // The fallback promised a teammate: make sure one sees it (and the brand's helpdesk, when connected).
        await createHandoffTicket(ctx.db, { conversationId: conversation.id, reason: "agent_failure", agentSummary: turn.failureReason });
        return stop("failed");
      default:
        return assertUnreachable(turn.outcome);
    }
  },
};
