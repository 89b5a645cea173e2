/**
 * tRPC setup. Map: context (who is asking) → procedures (public / signed-in / brand-scoped) →
 * routers per area (routers/) → appRouter (root.ts). AppError codes are mapped once here.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { BrandMember } from "../auth";
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

const t = initTRPC.context<ApiContext>().create({
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

/** A signed-in member of a brand; every brand read and write is scoped to ctx.brandId. */
export const brandProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.member) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, member: ctx.member, brandId: ctx.member.brandId } });
});
