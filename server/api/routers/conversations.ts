import { z } from "zod";
import { AppError } from "../../errors";
import { getConversation, listConversations, listInboundTexts } from "../../conversations";
import { describeDisposition } from "../../inbound";
import { brandProcedure, createTRPCRouter } from "../trpc";

const statusSchema = z.enum(["automating", "resolved", "escalated", "closed_out", "failed"]);

export const conversationsRouter = createTRPCRouter({
  list: brandProcedure
    .input(z.object({ status: statusSchema.optional(), cursor: z.string().max(40).optional(), limit: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.brandId, input)),

  get: brandProcedure.input(z.object({ id: z.string().min(1).max(40) })).query(async ({ ctx, input }) => {
    const found = await getConversation(ctx.db, ctx.brandId, input.id);
    if (!found) throw new AppError("NOT_FOUND", { userMessage: "That conversation does not exist." });
    return {
      ...found,
      messages: found.messages.map((m) => ({ ...m, dispositionText: m.disposition ? describeDisposition(m.disposition) : null })),
    };
  }),

  inboundTexts: brandProcedure
    .input(z.object({ answered: z.boolean().optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const rows = await listInboundTexts(ctx.db, ctx.brandId, input);
      return rows.map((m) => ({ ...m, dispositionText: m.disposition ? describeDisposition(m.disposition) : "Waiting to be processed" }));
    }),
});
