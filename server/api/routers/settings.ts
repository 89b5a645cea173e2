import { z } from "zod";
import { getRestrictedGoods, restrictedGoodsCategories, updateRestrictedGoods } from "../../brands";
import { complianceTextsFor, getQuietHours, updateComplianceTexts, updateQuietHours } from "../../consent";
import { createKeywordAutomation, deleteKeywordAutomation, keywordActions, listKeywordAutomations, updateKeywordAutomation } from "../../keywords";
import { eligibilityModes, getAgentSettings, getEligibilitySettings, handoffModes, listSettingsChanges, tones, updateAgentSettings, updateEligibilitySettings } from "../../settings";
import { getMarketingSettings, updateMarketingSettings } from "../../settings";
import { adminProcedure, memberProcedure, createTRPCRouter } from "../trpc";

const agentInput = z.object({
  enabled: z.boolean(),
  brandSummary: z.string().max(5000),
  tone: z.enum(tones),
  customTone: z.string().max(2000),
  styleRules: z.array(z.object({ title: z.string().max(1000), description: z.string().max(5000) })).max(100),
  escalationRules: z.array(z.object({ name: z.string().max(500), keywords: z.array(z.string().max(100)).max(50) })).max(100),
  handoffMode: z.enum(handoffModes),
  closeoutMessage: z.string().max(1600),
  maxRepliesPerConversation: z.number().int(),
  conversationWindowHours: z.number().int(),
});

const eligibilityInput = z.object({
  mode: z.enum(eligibilityModes),
  segmentIds: z.array(z.string().max(40)).max(100),
  requiredKeywords: z.array(z.string().max(100)).max(100),
  inboxKeywords: z.array(z.string().max(100)).max(100),
});

const actorOf = (member: { userId: string; name: string }) => ({ userId: member.userId, name: member.name });

const complianceInput = z.object({
  helpReply: z.string().max(1600),
  optOutReply: z.string().max(1600),
  optInReply: z.string().max(1600),
});

// Loose caps only: the domain functions check each field and answer with the marketer's words.
const marketingInput = z.object({ conversationStarter: z.string().max(1600) });

const restrictedGoodsInput = z.object({ categories: z.array(z.enum(restrictedGoodsCategories)).max(restrictedGoodsCategories.length) });

const quietHoursInput = z.object({ enabled: z.boolean(), start: z.number().int(), end: z.number().int() });

const keywordInput = z.object({
  keyword: z.string().max(60),
  reply: z.string().max(1600),
  action: z.enum(keywordActions),
  propertyKey: z.string().max(60).nullish(),
  propertyValue: z.string().max(200).nullish(),
  isActive: z.boolean().default(true),
});

export const settingsRouter = createTRPCRouter({
  agent: memberProcedure.query(({ ctx }) => getAgentSettings(ctx.db, ctx.brandId)),
  updateAgent: adminProcedure.input(agentInput).mutation(({ ctx, input }) => updateAgentSettings(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  eligibility: memberProcedure.query(({ ctx }) => getEligibilitySettings(ctx.db, ctx.brandId)),
  updateEligibility: adminProcedure
    .input(eligibilityInput)
    .mutation(({ ctx, input }) => updateEligibilitySettings(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  history: memberProcedure.query(({ ctx }) => listSettingsChanges(ctx.db, ctx.brandId)),
  compliance: memberProcedure.query(async ({ ctx }) => {
    const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.brandId } });
    return complianceTextsFor(ctx.db, brand);
  }),
  updateCompliance: adminProcedure.input(complianceInput).mutation(async ({ ctx, input }) => {
    await updateComplianceTexts(ctx.db, ctx.brandId, input, actorOf(ctx.member));
    const brand = await ctx.db.brand.findUniqueOrThrow({ where: { id: ctx.brandId } });
    return complianceTextsFor(ctx.db, brand);
  }),
  quietHours: memberProcedure.query(({ ctx }) => getQuietHours(ctx.db, ctx.brandId)),
  updateQuietHours: adminProcedure.input(quietHoursInput).mutation(({ ctx, input }) => updateQuietHours(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  marketing: memberProcedure.query(({ ctx }) => getMarketingSettings(ctx.db, ctx.brandId)),
  updateMarketing: adminProcedure.input(marketingInput).mutation(({ ctx, input }) => updateMarketingSettings(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  restrictedGoods: memberProcedure.query(({ ctx }) => getRestrictedGoods(ctx.db, ctx.brandId)),
  updateRestrictedGoods: adminProcedure
    .input(restrictedGoodsInput)
    .mutation(({ ctx, input }) => updateRestrictedGoods(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  keywords: memberProcedure.query(({ ctx }) => listKeywordAutomations(ctx.db, ctx.brandId)),
  createKeyword: adminProcedure.input(keywordInput).mutation(({ ctx, input }) => createKeywordAutomation(ctx.db, ctx.brandId, input, actorOf(ctx.member))),
  updateKeyword: adminProcedure
    .input(keywordInput.extend({ id: z.string().min(1).max(40) }))
    .mutation(({ ctx, input: { id, ...input } }) => updateKeywordAutomation(ctx.db, ctx.brandId, id, input, actorOf(ctx.member))),
  deleteKeyword: adminProcedure.input(z.object({ id: z.string().min(1).max(40) })).mutation(async ({ ctx, input }) => {
    await deleteKeywordAutomation(ctx.db, ctx.brandId, input.id, actorOf(ctx.member));
    return { id: input.id };
  }),
});
