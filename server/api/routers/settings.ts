import { z } from "zod";
import { complianceTextsFor, updateComplianceTexts } from "../../consent";
import { createKeywordAutomation, deleteKeywordAutomation, keywordActions, listKeywordAutomations, updateKeywordAutomation } from "../../keywords";
import { brandProcedure, createTRPCRouter } from "../trpc";

const complianceInput = z.object({
  helpReply: z.string().max(1600),
  optOutReply: z.string().max(1600),
  optInReply: z.string().max(1600),
});

const keywordInput = z.object({
  keyword: z.string().max(60),
  reply: z.string().max(1600),
  action: z.enum(keywordActions),
  propertyKey: z.string().max(60).nullish(),
  propertyValue: z.string().max(200).nullish(),
  isActive: z.boolean().default(true),
});

export const settingsRouter = createTRPCRouter({
  compliance: brandProcedure.query(async ({ ctx }) => {
    const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.brandId } });
    return complianceTextsFor(ctx.db, brand);
  }),
  updateCompliance: brandProcedure.input(complianceInput).mutation(async ({ ctx, input }) => {
    await updateComplianceTexts(ctx.db, ctx.brandId, input);
    const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.brandId } });
    return complianceTextsFor(ctx.db, brand);
  }),
  keywords: brandProcedure.query(({ ctx }) => listKeywordAutomations(ctx.db, ctx.brandId)),
  createKeyword: brandProcedure.input(keywordInput).mutation(({ ctx, input }) => createKeywordAutomation(ctx.db, ctx.brandId, input)),
  updateKeyword: brandProcedure
    .input(keywordInput.extend({ id: z.string().min(1).max(40) }))
    .mutation(({ ctx, input: { id, ...input } }) => updateKeywordAutomation(ctx.db, ctx.brandId, id, input)),
  deleteKeyword: brandProcedure.input(z.object({ id: z.string().min(1).max(40) })).mutation(async ({ ctx, input }) => {
    await deleteKeywordAutomation(ctx.db, ctx.brandId, input.id);
    return { id: input.id };
  }),
});
