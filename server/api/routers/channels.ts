import { createTRPCRouter } from "../trpc";

export const channelsRouter = createTRPCRouter({});
