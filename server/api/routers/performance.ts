import { createTRPCRouter } from "../trpc";

export const performanceRouter = createTRPCRouter({});
