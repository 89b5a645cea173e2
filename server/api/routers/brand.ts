import { createTRPCRouter, memberProcedure } from "../trpc";
import { currentBrandOverview } from "../../brands";

export const brandRouter = createTRPCRouter({
  current: memberProcedure.query(({ ctx }) => currentBrandOverview(ctx.db, ctx.member)),
});
