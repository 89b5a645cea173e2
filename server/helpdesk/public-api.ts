/**
 * Parley's public API for helpdesks: POST /api/v1/conversations/:id/messages with
 * `Authorization: Bearer <API key>` (Settings → Helpdesk → API key) and a JSON body
 * { "body": "…", "authorName": "Dana (Support)", "idempotencyKey": "…" } sends the reply to the shopper
 * as SMS through sendTeammateReply. An `Idempotency-Key` header works as well as the body field.
 */
import { z } from "zod";
import type { Db } from "../db";
import { sendTeammateReply } from "../conversations";
import { AppError } from "../errors";
import { assertStorableText } from "../http";
import { hitRateLimit, minutesInWords, type RateLimit } from "../security";
import { brandIdForApiKey, hashApiKey } from "./helpdesk-settings";

const MAX_IDEMPOTENCY_KEY = 200;

const replySchema = z.object({
  body: z.string({ error: "Send the reply text as “body”." }).max(5000),
  authorName: z.string().max(120).optional(),
  author: z.object({ name: z.string().max(120) }).optional(),
  idempotencyKey: z.string().min(1).max(MAX_IDEMPOTENCY_KEY).optional(),
});

export type ApiReply = { id: string; conversationId: string; status: string; body: string; authorName: string | null; createdAt: string };

/**
 * 60 requests a minute per API key (a helpdesk replying in bursts stays well under it), and 20
 * requests a minute with a missing or wrong key per address (guessing keys is hopeless, but each
 * guess still costs a database read).
 */
export const publicApiLimits = {
  perKey: (apiKey: string): RateLimit => ({ key: `public-api:key:${hashApiKey(apiKey)}`, limit: 60, windowMs: 60_000 }),
  badKeyPerIp: (ip: string): RateLimit => ({ key: `public-api:bad-key:${ip}`, limit: 20, windowMs: 60_000 }),
};

async function throwIfLimited(db: Db, limit: RateLimit, what: string): Promise<void> {
  const hit = await hitRateLimit(db, limit);
  if (!hit.isLimited) return;
  throw new AppError("RATE_LIMITED", {
    userMessage: `Too many requests ${what}: at most ${limit.limit} a minute. Try again in ${hit.retryAfterSeconds} s (Retry-After).`,
    message: `Rate limited (${minutesInWords(hit.retryAfterSeconds)})`,
    retryAfterSeconds: hit.retryAfterSeconds,
  });
}

/** The brand behind "Bearer <key>", or UNAUTHORIZED; RATE_LIMITED past the limits above. */
export async function authenticateApiKey(db: Db, authorization: string | null, clientIp = "unknown"): Promise<string> {
  const key = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!key) {
    await throwIfLimited(db, publicApiLimits.badKeyPerIp(clientIp), "without a valid API key from this address");
    throw new AppError("UNAUTHORIZED", { userMessage: "Send your Parley API key as “Authorization: Bearer <key>”. Generate one in Settings → Helpdesk." });
  }
  const brandId = await brandIdForApiKey(db, key);
  if (!brandId) {
    await throwIfLimited(db, publicApiLimits.badKeyPerIp(clientIp), "without a valid API key from this address");
    throw new AppError("UNAUTHORIZED", { userMessage: "That API key is not valid (it may have been replaced). Generate a new one in Settings → Helpdesk." });
  }
  await throwIfLimited(db, publicApiLimits.perKey(key), "with this API key");
  return brandId;
}

export async function replyThroughApi(
  db: Db,
  input: { authorization: string | null; conversationId: string; body: unknown; idempotencyKeyHeader: string | null; clientIp?: string },
): Promise<ApiReply> {
  const brandId = await authenticateApiKey(db, input.authorization, input.clientIp);
  const parsed = replySchema.safeParse(input.body);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message]));
    throw new AppError("BAD_REQUEST", { userMessage: Object.values(fields).join(" "), fields });
  }
  assertStorableText(parsed.data);
  const headerKey = input.idempotencyKeyHeader?.trim();
  // The key is stored under a unique index: an unbounded header would fail there as a database error.
  if (headerKey && headerKey.length > MAX_IDEMPOTENCY_KEY) {
    const userMessage = `The Idempotency-Key header can be at most ${MAX_IDEMPOTENCY_KEY} characters.`;
    throw new AppError("BAD_REQUEST", { userMessage, fields: { idempotencyKey: userMessage } });
  }
  const message = await sendTeammateReply(db, {
    brandId,
    conversationId: input.conversationId,
    body: parsed.data.body,
    author: { userId: null, name: parsed.data.authorName ?? parsed.data.author?.name ?? "Helpdesk" },
    idempotencyKey: headerKey || parsed.data.idempotencyKey,
  });
  return {
    id: message.id,
    conversationId: input.conversationId,
    status: message.status,
    body: message.body,
    authorName: message.authorName,
    createdAt: message.createdAt.toISOString(),
  };
}
