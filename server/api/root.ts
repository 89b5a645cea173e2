import { brandRouter } from "./routers/brand";
import { conversationsRouter } from "./routers/conversations";
import { settingsRouter } from "./routers/settings";
import { simulatorRouter } from "./routers/simulator";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  brand: brandRouter,
  conversations: conversationsRouter,
  settings: settingsRouter,
  simulator: simulatorRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
