import { z } from "zod";
import {
  getAttributionSettings,
  importOrders,
  performanceByCampaign,
  performanceBySkill,
  performanceChannels,
  performanceSeries,
  performanceSummary,
  previewOrderImport,
  updateAttributionSettings,
} from "../../analytics";
import { adminProcedure, memberProcedure, createTRPCRouter } from "../trpc";

// Loose shape only: the domain checks the dates and answers with the words shown next to the fields.
const filterInput = z.object({
  from: z.string().max(10),
  to: z.string().max(10),
  channel: z.enum(performanceChannels).default("sms"),
});

// Room for a 2 MB file of multi-byte text; the import itself refuses files over 2 MB with a clear message.
const csvInput = z.object({ csv: z.string().max(4_000_000, "The file is too large to import; split it into files of at most 2 MB.") });

const actorOf = (member: { userId: string; name: string }) => ({ userId: member.userId, name: member.name });

export const performanceRouter = createTRPCRouter({
  /** The metric cards, with the previous period of equal length. */
  summary: memberProcedure.input(filterInput).query(({ ctx, input }) => performanceSummary(ctx.db, ctx.brandId, input)),
  /** One row per brand-local day, for the charts. */
  series: memberProcedure.input(filterInput).query(({ ctx, input }) => performanceSeries(ctx.db, ctx.brandId, input)),
  bySkill: memberProcedure.input(filterInput).query(({ ctx, input }) => performanceBySkill(ctx.db, ctx.brandId, input)),
  byCampaign: memberProcedure.input(filterInput).query(({ ctx, input }) => performanceByCampaign(ctx.db, ctx.brandId, input)),

  /** Settings → SMS attribution (kept here so the settings router stays the settings team's). */
  attributionSettings: memberProcedure.query(({ ctx }) => getAttributionSettings(ctx.db, ctx.brandId)),
  updateAttributionSettings: adminProcedure
    .input(z.object({ windowHours: z.number().int(), model: z.string().max(40) }))
    .mutation(({ ctx, input }) => updateAttributionSettings(ctx.db, ctx.brandId, actorOf(ctx.member), input)),

  /** Orders from a CSV file, as Placed Order events: preview writes nothing. */
  previewOrderImport: adminProcedure.input(csvInput).mutation(({ ctx, input }) => previewOrderImport(ctx.db, ctx.brandId, input.csv)),
  importOrders: adminProcedure.input(csvInput).mutation(({ ctx, input }) => importOrders(ctx.db, ctx.brandId, input.csv)),
});
