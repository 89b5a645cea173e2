import { z } from "zod";
import { getCommerceSettings, updateCommerceSettings } from "../../commerce/commerce-settings";
import { createTRPCRouter, memberProcedure, ownerProcedure } from "../trpc";

// Loose caps only: the domain function checks each field and answers with the marketer's words.
const commerceInput = z.object({
  platform: z.string().max(20),
  shopDomain: z.string().max(255),
  accessToken: z.string().max(200),
  webhookSecret: z.string().max(200),
});

export const commerceRouter = createTRPCRouter({
  get: memberProcedure.query(({ ctx }) => getCommerceSettings(ctx.db, ctx.brandId)),
  // Credentials: the shop's token and signing secret.
  update: ownerProcedure
    .input(commerceInput)
    .mutation(({ ctx, input }) => updateCommerceSettings(ctx.db, ctx.brandId, { userId: ctx.member.userId, name: ctx.member.name }, input)),
});
