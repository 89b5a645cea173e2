import { createTRPCRouter } from "../trpc";

export const workflowsRouter = createTRPCRouter({});
