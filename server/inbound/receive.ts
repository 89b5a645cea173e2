import type { Db } from "../db";
import { Prisma } from "../db";
import { AppError } from "../errors";
import { env } from "../env";
import { classifyCompliance, segmentInfo } from "../sms";
import { enqueueInbound, QueueName } from "../jobs/queue";

export type InboundText = {
  /** Twilio's MessageSid; the simulator makes one up. A retry carries the same one. */
  messageSid: string;
  from: string;
  to: string;
  body: string;
  /** Set by Twilio when its Advanced Opt-Out already handled a keyword (STOP, START, HELP). */
  optOutType?: string;
};

export type ReceiveResult = { outcome: "stored" | "duplicate"; messageId: string; brandId: string };

/** The key that serialises one shopper's texts in the queue. */
export function shopperKey(brandId: string, phone: string): string {
  return `${brandId}:${phone}`;
}

/**
 * How the text waits in the queue: the agent's reply pause lets the rest of a quick burst arrive
 * first; a compliance keyword is honoured at once and takes the shopper's waiting texts with it.
 */
function queueTiming(text: InboundText): { pauseMs: number; flushKey: boolean } {
  const pauseMs = env().AGENT_REPLY_PAUSE_MS;
  const isCompliance = Boolean(text.optOutType) || classifyCompliance(text.body) !== null;
  return isCompliance ? { pauseMs: 0, flushKey: pauseMs > 0 } : { pauseMs, flushKey: false };
}

/**
 * Stores an inbound text once (unique on MessageSid) and enqueues its processing. No model call,
 * no send: the webhook must answer Twilio in milliseconds. The webhook passes the brand it already
 * read to check the signature (one query fewer on the hot path); other callers let it be looked up.
 */
export async function receiveInbound(db: Db, text: InboundText, knownBrand?: { id: string; smsNumber: string }): Promise<ReceiveResult> {
  const brand = knownBrand?.smsNumber === text.to ? knownBrand : await db.brand.findUnique({ where: { smsNumber: text.to } });
  if (!brand) {
    throw new AppError("NOT_FOUND", { userMessage: `No brand sends from ${text.to}; check the number's webhook URL in Twilio.` });
  }
  const info = segmentInfo(text.body);
  try {
    const message = await db.message.create({
      data: {
        brandId: brand.id,
        direction: "inbound",
        author: "shopper",
        body: text.body,
        encoding: info.encoding,
        segments: info.segments,
        status: "received",
        providerSid: text.messageSid,
        fromNumber: text.from,
        toNumber: text.to,
        errorCode: text.optOutType ? `opt_out_type:${text.optOutType.toUpperCase()}` : null,
      },
    });
    await enqueueInbound(message.id, shopperKey(brand.id, text.from), queueTiming(text));
    return { outcome: "stored", messageId: message.id, brandId: brand.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.message.findUniqueOrThrow({ where: { providerSid: text.messageSid } });
      // The first delivery may have stored the text and then failed to enqueue it (answered 500, so
      // Twilio retried): enqueue again while unprocessed. processInbound is idempotent, and the
      // per-shopper FIFO runs a second job only after the first, so this never answers twice.
      if (!existing.processedAt) await enqueueInbound(existing.id, shopperKey(existing.brandId, existing.fromNumber));
      return { outcome: "duplicate", messageId: existing.id, brandId: existing.brandId };
    }
    throw error;
  }
}

/**
 * Re-enqueues inbound texts stored but never processed and without a job waiting or running: at
 * worker start all of them (a crash between store and enqueue); from the sweeper those stored
 * before `olderThan` (a job lost to a database outage). Texts that still have their job are left
 * alone: starting a worker beside a backlog must not queue every waiting text a second time (and
 * processInbound leaves a processed text alone, so an extra job would be harmless anyway).
 */
export async function requeueUnprocessedInbound(db: Db, opts: { olderThan?: Date } = {}): Promise<number> {
  const olderThan = opts.olderThan ?? new Date("2999-01-01T00:00:00Z");
  const stale = await db.$queryRaw<{ id: string; brandId: string; fromNumber: string }[]>`
    SELECT m.id, m."brandId", m."fromNumber" FROM "Message" m
    WHERE m.direction = 'inbound' AND m."processedAt" IS NULL AND m."createdAt" < ${olderThan}
      -- NOT IN over the live jobs' ids: one hashed pass over each table. (NOT EXISTS correlated on
      -- data->>'messageId' ran as a nested loop, texts x jobs: over a minute per sweep under a
      -- 14,000-text backlog, which starved the workers.)
      AND m.id NOT IN (
        SELECT j.data->>'messageId' FROM pgboss.job j
        WHERE j.name = ${QueueName.inbound} AND j.state IN ('created', 'retry', 'active') AND j.data->>'messageId' IS NOT NULL)
    ORDER BY m."createdAt" ASC
    LIMIT 1000`;
  for (const m of stale) await enqueueInbound(m.id, shopperKey(m.brandId, m.fromNumber));
  return stale.length;
}
