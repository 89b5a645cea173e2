import { brandRouter } from "./routers/brand";
import { channelsRouter } from "./routers/channels";
import { conversationsRouter } from "./routers/conversations";
import { helpdeskRouter } from "./routers/helpdesk";
import { profilesRouter } from "./routers/profiles";
import { segmentsRouter } from "./routers/segments";
import { settingsRouter } from "./routers/settings";
import { simulatorRouter } from "./routers/simulator";
import { workflowsRouter } from "./routers/workflows";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  brand: brandRouter,
  channels: channelsRouter,
  conversations: conversationsRouter,
  helpdesk: helpdeskRouter,
  profiles: profilesRouter,
  segments: segmentsRouter,
  settings: settingsRouter,
  simulator: simulatorRouter,
  workflows: workflowsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
