import { z } from "zod";
import { getChannelSettings, sendTestSms, updateChannelSettings } from "../../channels";
import { memberProcedure, ownerProcedure, createTRPCRouter } from "../trpc";

const actorOf = (member: { userId: string; name: string }) => ({ userId: member.userId, name: member.name });

// Loose caps only: the domain function checks each field and answers with the marketer's words.
const channelInput = z.object({
  smsNumber: z.string().max(40),
  accountSid: z.string().max(100),
  authToken: z.string().max(200),
});

export const channelsRouter = createTRPCRouter({
  get: memberProcedure.query(({ ctx }) => getChannelSettings(ctx.db, ctx.brandId)),
  update: ownerProcedure.input(channelInput).mutation(({ ctx, input }) => updateChannelSettings(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  sendTest: ownerProcedure.input(z.object({ to: z.string().max(40) })).mutation(({ ctx, input }) => sendTestSms(ctx.db, ctx.brandId, { to: input.to })),
});
