import { createTRPCRouter } from "../trpc";

export const profilesRouter = createTRPCRouter({});
