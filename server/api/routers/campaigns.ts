import { z } from "zod";
import {
  cancelCampaign,
  createCampaign,
  deleteCampaign,
  estimateCampaign,
  getCampaign,
  getSendingRate,
  listCampaignRecipients,
  listCampaigns,
  previewCampaignText,
  recipientStatuses,
  scheduleCampaign,
  sendCampaignNow,
  senderTypes,
  unscheduleCampaign,
  updateCampaign,
  updateSendingRate,
} from "../../campaigns";
import { adminProcedure, memberProcedure, createTRPCRouter } from "../trpc";

const id = z.string().min(1).max(40);
const segmentIds = z.array(id).max(50);
// Lengths are generous here; the domain's validation gives the marketer-readable limits.
const fields = z.object({
  name: z.string().max(500),
  body: z.string().max(5000),
  linkUrl: z.string().max(2000).nullish().transform((v) => v ?? null),
  segmentIds: segmentIds.default([]),
  excludedSegmentIds: segmentIds.default([]),
});

export const campaignsRouter = createTRPCRouter({
  list: memberProcedure.query(({ ctx }) => listCampaigns(ctx.db, ctx.brandId)),
  /** One campaign with its segments' names and progress counts (polled while it sends). */
  get: memberProcedure.input(z.object({ id })).query(({ ctx, input }) => getCampaign(ctx.db, ctx.brandId, input.id)),
  /** Recipients, segments, cost and duration for an audience (and a body, when given), plus shoppers to preview. */
  audienceCount: memberProcedure
    .input(z.object({ segmentIds, excludedSegmentIds: segmentIds.default([]), body: z.string().max(5000).nullish(), linkUrl: z.string().max(2000).nullish() }))
    .query(({ ctx, input }) => estimateCampaign(ctx.db, ctx.brandId, input)),
  preview: memberProcedure
    .input(z.object({ body: z.string().max(5000), linkUrl: z.string().max(2000).nullish(), profileId: id.nullish() }))
    .query(({ ctx, input }) => previewCampaignText(ctx.db, ctx.brandId, input)),
  create: adminProcedure.input(fields).mutation(({ ctx, input }) => createCampaign(ctx.db, ctx.brandId, input, ctx.member.userId)),
  update: adminProcedure.input(fields.extend({ id })).mutation(({ ctx, input: { id, ...input } }) => updateCampaign(ctx.db, ctx.brandId, id, input)),
  delete: adminProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    await deleteCampaign(ctx.db, ctx.brandId, input.id);
    return { id: input.id };
  }),
  send: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => sendCampaignNow(ctx.db, ctx.brandId, input.id)),
  schedule: adminProcedure.input(z.object({ id, at: z.date() })).mutation(({ ctx, input }) => scheduleCampaign(ctx.db, ctx.brandId, input.id, input.at)),
  unschedule: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => unscheduleCampaign(ctx.db, ctx.brandId, input.id)),
  cancel: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => cancelCampaign(ctx.db, ctx.brandId, input.id)),
  recipients: memberProcedure
    .input(z.object({ id, status: z.enum(recipientStatuses).nullish(), page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => listCampaignRecipients(ctx.db, ctx.brandId, input.id, input)),
  sendingRate: memberProcedure.query(({ ctx }) => getSendingRate(ctx.db, ctx.brandId)),
  updateSendingRate: adminProcedure
    .input(z.object({ senderType: z.enum(senderTypes), messagesPerSecond: z.number().int(), segmentCostCents: z.number() }))
    .mutation(({ ctx, input }) => updateSendingRate(ctx.db, ctx.brandId, { userId: ctx.member.userId, name: ctx.member.name }, input)),
});
