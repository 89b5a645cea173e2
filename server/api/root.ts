import { brandRouter } from "./routers/brand";
import { conversationsRouter } from "./routers/conversations";
import { simulatorRouter } from "./routers/simulator";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  brand: brandRouter,
  conversations: conversationsRouter,
  simulator: simulatorRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
