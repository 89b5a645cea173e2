import { z } from "zod";
import {
  countSegmentMembers,
  countSegmentsMembers,
  createSegment,
  deleteSegment,
  getSegment,
  listEventNames,
  listEventPropertyKeys,
  listProfilePropertyKeys,
  listSegmentMembers,
  listSegments,
  parseSegmentDefinition,
  segmentExamples,
  updateSegment,
} from "../../segments";
import { adminProcedure, memberProcedure, createTRPCRouter } from "../trpc";

const id = z.string().min(1).max(40);
// The definition is checked by parseSegmentDefinition so the builder gets per-condition messages.
const segmentInput = z.object({ name: z.string().max(500), description: z.string().max(2000).default(""), definition: z.unknown() });

export const segmentsRouter = createTRPCRouter({
  /** Names first; the member counts come from memberCounts (slower on a large brand), which pages load beside it. */
  list: memberProcedure.query(({ ctx }) => listSegments(ctx.db, ctx.brandId)),
  memberCounts: memberProcedure.query(({ ctx }) => countSegmentsMembers(ctx.db, ctx.brandId)),
  get: memberProcedure.input(z.object({ id })).query(({ ctx, input }) => getSegment(ctx.db, ctx.brandId, input.id)),
  examples: memberProcedure.query(() => segmentExamples),
  /** The builder's live count and member preview for an unsaved definition. */
  preview: memberProcedure
    .input(z.object({ definition: z.unknown(), limit: z.number().int().min(1).max(50).default(10) }))
    .query(async ({ ctx, input }) => {
      const definition = parseSegmentDefinition(input.definition);
      const now = new Date();
      const [count, members] = await Promise.all([
        countSegmentMembers(ctx.db, ctx.brandId, definition, now),
        listSegmentMembers(ctx.db, ctx.brandId, definition, { now, limit: input.limit }),
      ]);
      return { count, members };
    }),
  members: memberProcedure
    .input(z.object({ id, afterId: z.string().max(40).nullish(), limit: z.number().int().min(1).max(100).default(50) }))
    .query(async ({ ctx, input }) => {
      const segment = await getSegment(ctx.db, ctx.brandId, input.id);
      const members = await listSegmentMembers(ctx.db, ctx.brandId, segment.definition, { afterId: input.afterId, limit: input.limit + 1 });
      return { members: members.slice(0, input.limit), nextAfterId: members.length > input.limit ? members[input.limit - 1]!.id : null };
    }),
  catalog: memberProcedure.query(async ({ ctx }) => ({
    eventNames: await listEventNames(ctx.db, ctx.brandId),
    profilePropertyKeys: await listProfilePropertyKeys(ctx.db, ctx.brandId),
  })),
  eventPropertyKeys: memberProcedure
    .input(z.object({ name: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => listEventPropertyKeys(ctx.db, ctx.brandId, input.name)),
  create: adminProcedure.input(segmentInput).mutation(({ ctx, input }) => createSegment(ctx.db, ctx.brandId, input)),
  update: adminProcedure.input(segmentInput.extend({ id })).mutation(({ ctx, input: { id, ...input } }) => updateSegment(ctx.db, ctx.brandId, id, input)),
  delete: adminProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    await deleteSegment(ctx.db, ctx.brandId, input.id);
    return { id: input.id };
  }),
});
