/**
 * The one error type for expected failures. Each code says when it is thrown; transports
 * (tRPC's errorFormatter, the webhook helper) map codes to statuses once.
 * A user always sees `userMessage`, never a stack.
 */
export type AppErrorCode =
  /** Input failed validation (bad phone number, text too long, malformed webhook). */
  | "BAD_REQUEST"
  /** No session, or the session's user has no brand. */
  | "UNAUTHORIZED"
  /** Signed in, but the resource belongs to another brand or the teammate's role is below the one needed, or a webhook signature is wrong. */
  | "FORBIDDEN"
  /** The id or number does not exist for this brand. */
  | "NOT_FOUND"
  /** The request repeats one already handled (e.g. a retried webhook). */
  | "CONFLICT"
  /** A provider (Twilio, a model, a helpdesk) failed or timed out. */
  | "PROVIDER_ERROR"
  /** Too many requests for one key or address in a window (server/security/rate-limit.ts); see retryAfterSeconds. */
  | "RATE_LIMITED";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** For forms: the message to show next to each field that is wrong, by field name. */
  readonly fields?: Record<string, string>;
  /** RATE_LIMITED: when to try again (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    opts: { message?: string; userMessage: string; cause?: unknown; fields?: Record<string, string>; retryAfterSeconds?: number },
  ) {
    super(opts.message ?? opts.userMessage, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = opts.userMessage;
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const httpStatusOf: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PROVIDER_ERROR: 502,
  RATE_LIMITED: 429,
};

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/** A BAD_REQUEST whose message lists the field errors; forms show each next to its field. */
export function invalidFields(fields: Record<string, string>): AppError {
  return new AppError("BAD_REQUEST", { userMessage: Object.values(fields).join(" "), fields });
}
