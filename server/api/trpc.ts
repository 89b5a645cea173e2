/**
 * tRPC setup. Map: context (who is asking) → procedures (public; brand-scoped by role: member /
 * admin / owner) → routers per area (routers/) → appRouter (root.ts). AppError codes are mapped
 * once here, and every brand procedure's role is checked here.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { BrandMember } from "../auth";
import { hasRole, roleRefusal } from "../auth/roles";
import type { MemberRole } from "../db";
import { getDb, type Db } from "../db";
import { AppError, type AppErrorCode } from "../errors";
import { findUnstorableText } from "../http";

export type ApiContext = { db: Db; member: BrandMember | null };

export function createApiContext(member: BrandMember | null): ApiContext {
  return { db: getDb(), member };
}

const trpcCodeOf: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PROVIDER_ERROR: "BAD_GATEWAY",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

/** What a procedure declares about itself; `role` is the least role a caller needs (see procedure builders below). */
export type ProcedureMeta = { role?: MemberRole };

const t = initTRPC.context<ApiContext>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const userMessage =
      cause instanceof AppError
        ? cause.userMessage
        : cause instanceof ZodError
          ? cause.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
          : error.code === "INTERNAL_SERVER_ERROR"
            ? "Something went wrong on our side. Try again; if it keeps happening, contact support."
            : error.message;
    return {
      ...shape,
      message: userMessage,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        fieldErrors:
          cause instanceof ZodError
            ? Object.fromEntries(cause.issues.map((i) => [i.path.map(String).join("."), i.message]))
            : cause instanceof AppError
              ? cause.fields
              : undefined,
      },
    };
  },
});

/** Domain functions throw AppError; turn it into the matching tRPC code. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.userMessage, cause });
  }
  return result;
});

/**
 * PostgreSQL text and jsonb cannot hold NUL or a lone surrogate: any input carrying one would fail
 * inside a query as a 500, so every procedure refuses it first, naming the field.
 */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const at = findUnstorableText(await getRawInput());
  if (at) {
    const userMessage = `${at}: this text contains a character Parley cannot store (NUL or a broken Unicode surrogate).`;
    throw new TRPCError({ code: "BAD_REQUEST", message: userMessage, cause: new AppError("BAD_REQUEST", { userMessage, fields: { [at]: userMessage } }) });
  }
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapAppErrors).use(refuseUnstorableText);

/**
 * A signed-in member of a brand whose role is at least the one the procedure declares in its meta;
 * every brand read and write is scoped to ctx.brandId. A procedure that declares no role is
 * refused for everyone (fail closed). Not exported: routers build on the role procedures below,
 * so the role a procedure needs is written where the procedure is.
 */
const brandProcedure = publicProcedure.use(({ ctx, meta, path, next }) => {
  if (!ctx.member) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const needed = meta?.role;
  if (!needed) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `${path} declares no role` });
  if (!hasRole(ctx.member.role, needed)) {
    const userMessage = roleRefusal(needed);
    throw new TRPCError({ code: "FORBIDDEN", message: userMessage, cause: new AppError("FORBIDDEN", { userMessage }) });
  }
  return next({ ctx: { ...ctx, member: ctx.member, brandId: ctx.member.brandId } });
});

/** Any teammate: the inbox and conversations, reading the brand's data and settings, the simulator. */
export const memberProcedure = brandProcedure.meta({ role: "member" });
/** Admins and owners: settings, campaigns, segments, SMS workflows, imports. */
export const adminProcedure = brandProcedure.meta({ role: "admin" });
/** Owners only: credentials and secrets (Twilio, helpdesk connectors, API key, signing secret) and members. */
export const ownerProcedure = brandProcedure.meta({ role: "owner" });
