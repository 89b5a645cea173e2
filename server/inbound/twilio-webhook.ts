import twilio from "twilio";
import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { receiveInbound, type ReceiveResult } from "./receive";
import { applyStatusCallback } from "../outbound";
// Imported from the files, not the folder's index: channels' test SMS goes through outbound.
import { SecretBoxError } from "../channels/secret-box";
import { twilioCredentialsOf } from "../channels/twilio-credentials";

/** A webhook as the route handler read it: the URL Twilio called and every form field (repeats kept). */
export type TwilioWebhookRequest = { url: string; signature: string | null; params: Record<string, string | string[]> };

const inboundFormSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid must look like SM followed by 32 hex digits"),
  // Room for channel prefixes ("whatsapp:+1…"); the pipeline normalises the number.
  From: z.string().min(3, "From is required").max(100, "From is too long to be a phone number"),
  To: z.string().min(3, "To is required").max(100, "To is too long to be a phone number"),
  Body: z.string().max(1600 * 4, "Body is longer than any SMS").default(""),
  OptOutType: z.string().max(20, "OptOutType is not one Twilio sends").optional(),
});

const statusFormSchema = z.object({
  MessageSid: z.string().min(10, "MessageSid is required").max(64, "MessageSid is too long"),
  MessageStatus: z.string().min(1, "MessageStatus is required").max(40, "MessageStatus is not one Twilio sends"),
  To: z.string().optional(),
  From: z.string().optional(),
  ErrorCode: z.string().max(20, "ErrorCode is not one Twilio sends").optional(),
});

function single(params: TwilioWebhookRequest["params"], key: string): string | undefined {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

function parseForm<T extends z.ZodTypeAny>(schema: T, params: TwilioWebhookRequest["params"]): z.infer<T> {
  const flat = Object.fromEntries(Object.keys(params).map((k) => [k, single(params, k)]));
  const parsed = schema.safeParse(flat);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new AppError("BAD_REQUEST", { userMessage: `Malformed Twilio webhook: ${reasons}` });
  }
  return parsed.data;
}

type Brand = NonNullable<Awaited<ReturnType<Db["brand"]["findUnique"]>>>;

/**
 * Brands by sending number, kept a few seconds: a campaign's reply burst is hundreds of webhooks a
 * second to one number, and the brand row was one of the few queries each of them made. A request
 * the cached row refuses is checked again against a fresh read, so a rotated auth token or new
 * credentials work at once; only a removal takes up to BRAND_CACHE_MS to apply.
 */
const BRAND_CACHE_MS = 10_000;
const brandCache = new Map<string, { brand: Brand; at: number }>();

async function brandByNumber(db: Db, smsNumber: string, isFresh: boolean): Promise<{ brand: Brand | null; isCached: boolean }> {
  const hit = brandCache.get(smsNumber);
  if (!isFresh && hit && Date.now() - hit.at < BRAND_CACHE_MS) return { brand: hit.brand, isCached: true };
  const brand = await db.brand.findUnique({ where: { smsNumber } });
  if (brand) brandCache.set(smsNumber, { brand, at: Date.now() });
  else brandCache.delete(smsNumber);
  return { brand, isCached: false };
}

/**
 * Every reason a webhook can't be verified gets this one answer: telling an unsigned caller "no
 * brand uses that number" or "this brand has no credentials" would let anyone map a brand's numbers
 * and find the ones whose webhooks nobody checks. The reason goes to the server log instead.
 */
export const WEBHOOK_NOT_VERIFIED =
  "This webhook's signature could not be verified. If it came from your Twilio number, check PUBLIC_URL and the number's Twilio credentials in Settings → Channels.";

class UnverifiedWebhook extends AppError {
  constructor(reason: string) {
    super("FORBIDDEN", { message: `Twilio webhook not verified: ${reason}`, userMessage: WEBHOOK_NOT_VERIFIED });
  }
}

const lastLoggedAt = new Map<string, number>();
/** The operator's view of a refused webhook: once a minute per reason, never a secret. */
function logUnverified(error: UnverifiedWebhook): void {
  const now = Date.now();
  if ((lastLoggedAt.get(error.message) ?? 0) > now - 60_000) return;
  if (lastLoggedAt.size > 1000) lastLoggedAt.clear();
  lastLoggedAt.set(error.message, now);
  console.warn(`[webhook] ${error.message}`);
}

/** Checks X-Twilio-Signature with the brand's auth token against the URL Twilio was given. */
async function verifiedBrand(db: Db, brandNumber: string | undefined, req: TwilioWebhookRequest): Promise<Brand> {
  try {
    if (!brandNumber) throw new UnverifiedWebhook("the webhook names no number");
    const cached = await brandByNumber(db, brandNumber, false);
    try {
      return verifyWith(cached.brand, brandNumber, req);
    } catch (error) {
      if (!cached.isCached) throw error;
      return verifyWith((await brandByNumber(db, brandNumber, true)).brand, brandNumber, req);
    }
  } catch (error) {
    if (error instanceof UnverifiedWebhook) logUnverified(error);
    throw error;
  }
}

function verifyWith(brand: Brand | null, brandNumber: string, req: TwilioWebhookRequest): Brand {
  if (!brand) throw new UnverifiedWebhook(`no brand uses the number ${brandNumber}`);
  let credentials;
  try {
    credentials = twilioCredentialsOf(brand);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new UnverifiedWebhook(`the Twilio auth token of ${brandNumber} cannot be read (${error.message})`);
  }
  if (!credentials) throw new UnverifiedWebhook(`${brandNumber} has no Twilio credentials`);
  // validateRequest wants repeated keys as arrays; it sorts and concatenates every value.
  if (!req.signature || !twilio.validateRequest(credentials.authToken, req.signature, req.url, req.params)) {
    throw new UnverifiedWebhook(`${req.signature ? "wrong" : "missing"} X-Twilio-Signature for ${brandNumber} (is PUBLIC_URL the address Twilio calls?)`);
  }
  return brand;
}

/** POST /api/twilio/inbound: verify, store once, enqueue. */
export async function handleInboundWebhook(db: Db, req: TwilioWebhookRequest): Promise<ReceiveResult> {
  const brand = await verifiedBrand(db, single(req.params, "To"), req);
  const form = parseForm(inboundFormSchema, req.params);
  return receiveInbound(
    db,
    { messageSid: form.MessageSid, from: form.From, to: form.To, body: form.Body, optOutType: form.OptOutType },
    brand,
  );
}

/** POST /api/twilio/status: verify, then move the outbound message's status forward. */
export async function handleStatusWebhook(db: Db, req: TwilioWebhookRequest) {
  const brand = await verifiedBrand(db, single(req.params, "From"), req);
  const form = parseForm(statusFormSchema, req.params);
  return applyStatusCallback(db, {
    brandId: brand.id,
    messageSid: form.MessageSid,
    status: form.MessageStatus,
    errorCode: form.ErrorCode,
  });
}
