import { z } from "zod";
import { describeDisposition } from "../../inbound";
import { sendSimulatedText, simulatorShoppers, simulatorThread } from "../../simulator";
import { memberProcedure, createTRPCRouter } from "../trpc";

export const simulatorRouter = createTRPCRouter({
  shoppers: memberProcedure.query(({ ctx }) => simulatorShoppers(ctx.db, ctx.brandId)),

  send: memberProcedure
    .input(z.object({ from: z.string().min(3).max(30), body: z.string().trim().min(1, "Type a message first.").max(1600) }))
    .mutation(({ ctx, input }) => sendSimulatedText(ctx.db, ctx.brandId, input)),

  thread: memberProcedure.input(z.object({ phone: z.string().min(3).max(30) })).query(async ({ ctx, input }) => {
    const thread = await simulatorThread(ctx.db, ctx.brandId, input.phone);
    return {
      ...thread,
      lastInbound: thread.lastInbound
        ? { ...thread.lastInbound, dispositionText: thread.lastInbound.disposition ? describeDisposition(thread.lastInbound.disposition) : null }
        : null,
    };
  }),
});
