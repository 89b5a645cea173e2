/** HTTP glue for the public API and helpdesk webhooks: AppError codes mapped to statuses once. */
import { AppError, httpStatusOf } from "../errors";
import { KB, readBodyText } from "../http";

const MAX_BODY_BYTES = 64 * KB;

/** The body as UTF-8 text: refused past 64 KB while it is read, and when it is not UTF-8. */
export function readBody(req: Request): Promise<string> {
  return readBodyText(req, MAX_BODY_BYTES);
}

export function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "The request body must be JSON." });
  }
}

export function apiErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = error.code === "UNAUTHORIZED" ? { "www-authenticate": 'Bearer realm="parley"' } : {};
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
    return Response.json({ error: error.code, message: error.userMessage, ...(error.fields ? { fields: error.fields } : {}), ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) }, { status: httpStatusOf[error.code], headers });
  }
  console.error("[api]", error);
  return Response.json({ error: "INTERNAL", message: "Something went wrong on Parley’s side. Try again; if it keeps happening, contact support." }, { status: 500 });
}
