import { z } from "zod";
import {
  generateApiKey,
  getHelpdeskSettings,
  helpdeskKinds,
  listHandoffDeliveries,
  revealSigningSecret,
  rotateSigningSecret,
  sendTestHandoff,
  updateHelpdeskSettings,
} from "../../helpdesk";
import { memberProcedure, ownerProcedure, createTRPCRouter } from "../trpc";

const actorOf = (member: { userId: string; name: string }) => ({ userId: member.userId, name: member.name });

// Loose caps only: the domain function checks each field and answers with the marketer's words.
const fieldValues = z.record(z.string().max(60), z.string().max(2000));
const helpdeskInput = z.object({ kind: z.enum(helpdeskKinds), config: fieldValues, secrets: fieldValues });

export const helpdeskRouter = createTRPCRouter({
  /** The saved helpdesk with its secrets masked, the public-API key's last four characters, the Front webhook URL. */
  get: memberProcedure.query(({ ctx }) => getHelpdeskSettings(ctx.db, ctx.brandId)),
  update: ownerProcedure.input(helpdeskInput).mutation(({ ctx, input }) => updateHelpdeskSettings(ctx.db, ctx.brandId, actorOf(ctx.member), input)),
  /** A sample handoff through the saved connector, logged as outcome "test". */
  sendTest: ownerProcedure.input(helpdeskInput.optional()).mutation(({ ctx, input }) => sendTestHandoff(ctx.db, ctx.brandId, input)),
  deliveries: memberProcedure
    .input(z.object({ page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(1).max(100).default(20) }).default({ page: 1, pageSize: 20 }))
    .query(({ ctx, input }) => listHandoffDeliveries(ctx.db, ctx.brandId, input)),
  /** A new public-API key, returned this once; only its SHA-256 is stored. */
  generateApiKey: ownerProcedure.mutation(({ ctx }) => generateApiKey(ctx.db, ctx.brandId, actorOf(ctx.member))),
  revealSigningSecret: ownerProcedure.mutation(async ({ ctx }) => ({ signingSecret: await revealSigningSecret(ctx.db, ctx.brandId) })),
  rotateSigningSecret: ownerProcedure.mutation(async ({ ctx }) => ({ signingSecret: await rotateSigningSecret(ctx.db, ctx.brandId, actorOf(ctx.member)) })),
});
