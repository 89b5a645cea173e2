import { z } from "zod";
import { getCommerceSettings, updateCommerceSettings } from "../../commerce/commerce-settings";
import { brandProcedure, createTRPCRouter } from "../trpc";

// Loose caps only: the domain function checks each field and answers with the marketer's words.
const commerceInput = z.object({
  platform: z.string().max(20),
  shopDomain: z.string().max(255),
  accessToken: z.string().max(200),
  webhookSecret: z.string().max(200),
});

export const commerceRouter = createTRPCRouter({
  // needs: member
  get: brandProcedure.query(({ ctx }) => getCommerceSettings(ctx.db, ctx.brandId)),
  // needs: owner (credentials)
  update: brandProcedure
    .input(commerceInput)
    .mutation(({ ctx, input }) => updateCommerceSettings(ctx.db, ctx.brandId, { userId: ctx.member.userId, name: ctx.member.name }, input)),
});
