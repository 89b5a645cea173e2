import { brandRouter } from "./routers/brand";
import { campaignsRouter } from "./routers/campaigns";
import { channelsRouter } from "./routers/channels";
import { commerceRouter } from "./routers/commerce";
import { conversationsRouter } from "./routers/conversations";
import { helpdeskRouter } from "./routers/helpdesk";
import { performanceRouter } from "./routers/performance";
import { profilesRouter } from "./routers/profiles";
import { segmentsRouter } from "./routers/segments";
import { settingsRouter } from "./routers/settings";
import { simulatorRouter } from "./routers/simulator";
import { teamRouter } from "./routers/team";
import { workflowsRouter } from "./routers/workflows";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  brand: brandRouter,
  campaigns: campaignsRouter,
  channels: channelsRouter,
  commerce: commerceRouter,
  conversations: conversationsRouter,
  helpdesk: helpdeskRouter,
  performance: performanceRouter,
  profiles: profilesRouter,
  segments: segmentsRouter,
  settings: settingsRouter,
  simulator: simulatorRouter,
  team: teamRouter,
  workflows: workflowsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
