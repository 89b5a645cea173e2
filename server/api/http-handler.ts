/** tRPC over HTTP (the /api/trpc route): body and batch limits, the app's router, errors logged once. */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { AppError } from "../errors";
import { KB, readBodyBytes } from "../http";
import { MAX_TRPC_BATCH_SIZE } from "./batch-limit";
import { appRouter } from "./root";
import type { ApiContext } from "./trpc";

// The largest input is a 2 MB CSV as JSON (escaped, up to 4 million characters): room for that, no more.
// tRPC's fetch adapter has no limit of its own and would read any body into memory.
const MAX_BODY_BYTES = 16 * 1024 * KB;

/** The request with its body read up to the limit, or a 413 answer in tRPC's error shape. */
async function boundedRequest(req: Request): Promise<Request | Response> {
  if (req.method !== "POST") return req;
  try {
    const body = await readBodyBytes(req, MAX_BODY_BYTES);
    return new Request(req.url, { method: req.method, headers: req.headers, body });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = "The request is too large for Parley (16 MB at most); split the file into smaller ones.";
    return Response.json({ error: { json: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } } }, { status: 413 });
  }
}

export async function handleTrpcRequest(req: Request, createContext: () => Promise<ApiContext>): Promise<Response> {
  const bounded = await boundedRequest(req);
  if (bounded instanceof Response) return bounded;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: bounded,
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH_SIZE,
    createContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}
