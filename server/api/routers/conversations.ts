import { z } from "zod";
import { AppError } from "../../errors";
import {
  addConversationNote,
  assignConversation,
  closeConversation,
  conversationDispositions,
  countAwaitingHumans,
  getConversation,
  isWaitingForPerson,
  replyBlockedReason,
  listCampaignChoices,
  listConversations,
  listInboundTexts,
  markConversationRead,
  sendTeammateReply,
  unassignConversation,
} from "../../conversations";
import { describeDisposition } from "../../inbound";
import { memberProcedure, createTRPCRouter } from "../trpc";

const statusSchema = z.enum(["automating", "resolved", "escalated", "closed_out", "failed", "closed"]);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.");
const idSchema = z.object({ id: z.string().min(1).max(40) });
/**
 * A conversation's escalation reason in the words only the server knows: the eligibility rule that
 * sent its texts to people, or that the number isn't subscribed (describeDisposition's words, the
 * same as the texts' dispositions). Handoff reasons are worded by the inbox; null for those.
 */
const reasonText = (reason: string | null) => (reason?.startsWith("ineligible:") || reason === "not_subscribed" ? describeDisposition(reason) : null);
// Generous transport caps; the domain functions refuse with the words people see (1,600 / 2,000 characters).
const textSchema = z.string().max(10_000);

export const conversationsRouter = createTRPCRouter({
  list: memberProcedure
    .input(
      z.object({
        waiting: z.boolean().optional(),
        status: statusSchema.optional(),
        disposition: z.enum(conversationDispositions).optional(),
        campaignId: z.string().max(40).optional(),
        from: daySchema.optional(),
        to: daySchema.optional(),
        search: z.string().max(100).optional(),
        cursor: z.string().max(40).optional(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listConversations(ctx.db, ctx.brandId, input);
      return { ...page, items: page.items.map((c) => ({ ...c, escalationReasonText: reasonText(c.escalationReason) })) };
    }),

  get: memberProcedure.input(idSchema).query(async ({ ctx, input }) => {
    const found = await getConversation(ctx.db, ctx.brandId, input.id);
    if (!found) throw new AppError("NOT_FOUND", { userMessage: "That conversation does not exist." });
    return {
      ...found,
      waitingForPerson: isWaitingForPerson(found.conversation),
      escalationReasonText: reasonText(found.conversation.escalationReason),
      /** Why nobody may reply (the shopper isn't subscribed to SMS), or null. */
      replyBlockedReason: replyBlockedReason(found.conversation.profile.smsConsent),
      viewerUserId: ctx.member.userId,
      messages: found.messages.map((m) => ({ ...m, dispositionText: m.disposition ? describeDisposition(m.disposition) : null })),
    };
  }),

  inboundTexts: memberProcedure
    .input(z.object({ answered: z.boolean().optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const rows = await listInboundTexts(ctx.db, ctx.brandId, input);
      return rows.map((m) => ({ ...m, dispositionText: m.disposition ? describeDisposition(m.disposition) : "Waiting to be processed" }));
    }),

  /** Campaigns to filter the list by. */
  campaignChoices: memberProcedure.query(({ ctx }) => listCampaignChoices(ctx.db, ctx.brandId)),

  /** How many conversations wait for a person (the sidebar badge). */
  awaitingCount: memberProcedure.query(({ ctx }) => countAwaitingHumans(ctx.db, ctx.brandId)),

  assign: memberProcedure
    .input(idSchema)
    .mutation(({ ctx, input }) => assignConversation(ctx.db, { brandId: ctx.brandId, conversationId: input.id, userId: ctx.member.userId })),

  unassign: memberProcedure.input(idSchema).mutation(({ ctx, input }) => unassignConversation(ctx.db, { brandId: ctx.brandId, conversationId: input.id })),

  reply: memberProcedure
    .input(idSchema.extend({ body: textSchema, idempotencyKey: z.string().min(8).max(100).optional() }))
    .mutation(({ ctx, input }) =>
      sendTeammateReply(ctx.db, {
        brandId: ctx.brandId,
        conversationId: input.id,
        body: input.body,
        author: { userId: ctx.member.userId, name: ctx.member.name },
        idempotencyKey: input.idempotencyKey,
      }),
    ),

  addNote: memberProcedure
    .input(idSchema.extend({ body: textSchema }))
    .mutation(({ ctx, input }) => addConversationNote(ctx.db, { brandId: ctx.brandId, conversationId: input.id, userId: ctx.member.userId, body: input.body })),

  close: memberProcedure
    .input(idSchema)
    .mutation(({ ctx, input }) => closeConversation(ctx.db, { brandId: ctx.brandId, conversationId: input.id, userId: ctx.member.userId })),

  markRead: memberProcedure.input(idSchema).mutation(async ({ ctx, input }) => {
    const isMarked = await markConversationRead(ctx.db, { brandId: ctx.brandId, conversationId: input.id });
    if (!isMarked) throw new AppError("NOT_FOUND", { userMessage: "That conversation does not exist." });
    return { ok: true as const };
  }),
});
