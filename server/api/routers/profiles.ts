import { z } from "zod";
import { AppError } from "../../errors";
import { describeDisposition } from "../../inbound";
import { enqueueProfileImport, getProfileDetail, getProfileImport, listProfiles, MAX_TIMELINE_PAGE, previewProfileImport, profileTimeline, startProfileImport } from "../../profiles";
import { adminProcedure, memberProcedure, createTRPCRouter } from "../trpc";

const id = z.string().min(1).max(40);
const consentSchema = z.enum(["subscribed", "unsubscribed", "never_subscribed"]);
// Room for a 2 MB file of multi-byte text; the import itself refuses files over 2 MB with a clear message.
const csvSchema = z.object({ csv: z.string().max(4_000_000, "The file is too large to import; split it into files of at most 2 MB.") });

const notFound = () => new AppError("NOT_FOUND", { userMessage: "That profile does not exist." });

export const profilesRouter = createTRPCRouter({
  list: memberProcedure
    .input(
      z.object({
        search: z.string().max(200).optional(),
        consent: consentSchema.optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => listProfiles(ctx.db, ctx.brandId, input)),

  get: memberProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const detail = await getProfileDetail(ctx.db, ctx.brandId, input.id);
    if (!detail) throw notFound();
    return detail;
  }),

  timeline: memberProcedure
    .input(z.object({ id, cursor: z.string().max(80).nullish(), limit: z.number().int().min(1).max(MAX_TIMELINE_PAGE).default(50) }))
    .query(async ({ ctx, input }) => {
      const page = await profileTimeline(ctx.db, ctx.brandId, input.id, input);
      if (!page) throw notFound();
      return {
        ...page,
        items: page.items.map((entry) =>
          entry.kind === "message"
            ? { ...entry, dispositionText: entry.message.disposition ? describeDisposition(entry.message.disposition) : null }
            : { ...entry, dispositionText: null },
        ),
      };
    }),

  /** A mutation only because the CSV is too large for a GET; it writes nothing. */
  previewImport: adminProcedure.input(csvSchema).mutation(({ ctx, input }) => previewProfileImport(ctx.db, ctx.brandId, input.csv)),

  import: adminProcedure.input(csvSchema).mutation(({ ctx, input }) => startProfileImport(ctx.db, ctx.brandId, input.csv, { createdById: ctx.member.userId, enqueue: enqueueProfileImport })),

  /** An import's progress and outcome, polled by the import page while it runs. */
  importStatus: memberProcedure.input(z.object({ id })).query(({ ctx, input }) => getProfileImport(ctx.db, ctx.brandId, input.id)),
});
