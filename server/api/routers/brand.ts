import { createTRPCRouter, brandProcedure } from "../trpc";
import { currentBrandOverview } from "../../brands";

export const brandRouter = createTRPCRouter({
  current: brandProcedure.query(({ ctx }) => currentBrandOverview(ctx.db, ctx.member)),
});
