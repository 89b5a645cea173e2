import { createTRPCRouter } from "../trpc";

export const helpdeskRouter = createTRPCRouter({});
