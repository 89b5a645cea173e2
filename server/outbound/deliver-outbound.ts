/**
 * Sending one outbound row, exactly once, through crashes and slow providers:
 *   claim     queued → sending, stamped with claimedAt, so a re-delivered job never sends twice;
 *   confirm   if an earlier attempt may have reached the provider without us learning the result
 *             (unconfirmedSendAt: a timeout, or a sender that died mid-send), ask the provider
 *             whether it has the text (Twilio's Messages list) and adopt its sid instead of resending;
 *   send      otherwise hand it to the transport; a definite refusal is retried or failed, an
 *             ambiguous one (no answer) is retried only after the next attempt's confirm step.
 * A claim left in `sending` by a dead process is found by reconcileStaleClaims (worker start and
 * sweeper): after SENDING_CLAIM_STALE_MS (three transport timeouts) it goes back to queued with unconfirmedSendAt set.
 */
import { Prisma, type Brand, type Db, type Message, type Profile } from "../db";
import { modelFields, prefixedColumns, rowUnderPrefix } from "../db/joined-row";
import { insertEventsSql, EventName } from "../analytics";
import { env, publicUrl } from "../env";
import { enqueueOutbound } from "../jobs/queue";
import { failpoint } from "../jobs/failpoint";
import { isAllowedByConsent } from "./queue-outbound";
import { selectTransport } from "./transports/select-transport";
import { TransportError, type SmsTransport, type TransportResult } from "./transports/transport";

export type DeliverOutcome = "sent" | "skipped" | "refused" | "failed" | "retry";

/**
 * A claim older than this belongs to a process that died: the transport call it was making has
 * timed out long ago (the send is bounded by TWILIO_TIMEOUT_MS; the rest is margin for slow writes).
 */
export function claimStaleAfterMs(): number {
  const e = env();
  return e.SENDING_CLAIM_STALE_MS ?? 3 * e.TWILIO_TIMEOUT_MS;
}

/** Provider clocks and second-precision timestamps: look a little before the attempt began. */
const LOOKUP_SLACK_MS = 60_000;

/** The text the provider already has for this row, if any; sids another row already owns are not ours. */
async function alreadyAtProvider(db: Db, transport: SmsTransport, message: Message, since: Date): Promise<TransportResult | null> {
  const candidates = await transport.findSent({
    from: message.fromNumber,
    to: message.toNumber,
    body: message.body,
    since: new Date(since.getTime() - LOOKUP_SLACK_MS),
  });
  if (!candidates.length) return null;
  const owned = await db.message.findMany({ where: { providerSid: { in: candidates.map((c) => c.providerSid) } }, select: { providerSid: true } });
  const ownedSids = new Set(owned.map((o) => o.providerSid));
  // Oldest first: if an attempt was ever duplicated, the first copy is the one to keep.
  return candidates.filter((c) => !ownedSids.has(c.providerSid)).at(-1) ?? null;
}

/** The row marked sent and its Sent SMS event, in one statement. */
async function markSent(db: Db, message: Message, transportName: string, result: TransportResult, reconciled: boolean): Promise<"sent"> {
  const event = insertEventsSql([
    {
      brandId: message.brandId,
      profileId: message.profileId,
      name: EventName.sentSms,
      properties: { messageId: message.id, author: message.author, segments: message.segments, transport: transportName, ...(reconciled ? { reconciled: true } : {}) },
      dedupeKey: `sent:${message.id}`,
    },
  ]);
  await db.$executeRaw(Prisma.sql`
    WITH sent AS (
      UPDATE "Message" SET "status" = ${result.status}::"MessageStatus", "providerSid" = ${result.providerSid}, "errorCode" = NULL,
             "errorMessage" = NULL, "unconfirmedSendAt" = NULL, "updatedAt" = ${new Date()}::timestamp(3)
       WHERE "id" = ${message.id} RETURNING 1)
    ${event}`);
  return "sent";
}

type ClaimedMessage = Message & { brand: Brand; profile: Profile | null };

/** Claims the row (queued → sending, stamped claimedAt) and reads it with its brand and profile: one statement. */
async function claimMessage(db: Db, messageId: string, claimedAt: Date): Promise<ClaimedMessage | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    WITH m AS (
      UPDATE "Message" SET "status" = 'sending', "claimedAt" = ${claimedAt}::timestamp(3), "updatedAt" = ${claimedAt}::timestamp(3)
       WHERE "id" = ${messageId} AND "status" = 'queued' AND "direction" = 'outbound' RETURNING *)
    SELECT ${Prisma.raw(prefixedColumns("m", modelFields.message))}, ${Prisma.raw(prefixedColumns("b", modelFields.brand))},
           ${Prisma.raw(prefixedColumns("p", modelFields.profile))}
      FROM m JOIN "Brand" b ON b."id" = m."brandId" LEFT JOIN "Profile" p ON p."id" = m."profileId"`);
  const row = rows[0];
  if (!row) return null;
  return {
    ...rowUnderPrefix<Message>(row, modelFields.message, "m")!,
    brand: rowUnderPrefix<Brand>(row, modelFields.brand, "b")!,
    profile: rowUnderPrefix<Profile>(row, modelFields.profile, "p"),
  };
}

/**
 * Sends one queued message through the brand's transport. Claims the row first (queued →
 * sending) so a re-delivered job never sends twice; re-checks consent at send time.
 */
export async function deliverOutbound(db: Db, messageId: string, opts: { isLastAttempt: boolean }): Promise<DeliverOutcome> {
  const claimedAt = new Date();
  const message = await claimMessage(db, messageId, claimedAt);
  if (!message) return "skipped";
  const transport = selectTransport(message.brand);

  const failAttempt = async (error: unknown): Promise<DeliverOutcome> => {
    const retryable = error instanceof TransportError ? error.retryable : true;
    const ambiguous = error instanceof TransportError ? error.ambiguous : true;
    const unconfirmedSendAt = message.unconfirmedSendAt ?? (ambiguous ? claimedAt : null);
    const finalFailure = !retryable || opts.isLastAttempt;
    if (finalFailure && unconfirmedSendAt) {
      // Last chance: a slow provider may have created the text since. Failing a text that was sent
      // would be a lie on the transcript; a lookup that fails too leaves the honest "failed".
      const found = await alreadyAtProvider(db, transport, message, unconfirmedSendAt).catch(() => null);
      if (found) return markSent(db, message, transport.name, found, true);
    }
    await db.message.update({
      where: { id: messageId },
      data: {
        status: finalFailure ? "failed" : "queued",
        errorCode: error instanceof TransportError ? (error.code ?? "transport_error") : "transport_error",
        errorMessage: error instanceof Error ? error.message : String(error),
        unconfirmedSendAt,
      },
    });
    return finalFailure ? "failed" : "retry";
  };

  if (message.unconfirmedSendAt) {
    let found: TransportResult | null;
    try {
      found = await alreadyAtProvider(db, transport, message, message.unconfirmedSendAt);
    } catch (error) {
      return failAttempt(error);
    }
    if (found) return markSent(db, message, transport.name, found, true);
  }
  if (message.profile && !isAllowedByConsent(message.purpose, message.profile.smsConsent)) {
    await db.message.update({
      where: { id: messageId },
      data: { status: "failed", errorCode: "not_subscribed", errorMessage: "The shopper unsubscribed before this text was sent." },
    });
    return "refused";
  }
  failpoint("before_transport_send");
  let result: TransportResult;
  try {
    result = await transport.send({
      from: message.fromNumber,
      to: message.toNumber,
      body: message.body,
      statusCallbackUrl: transport.name === "twilio" ? `${publicUrl()}/api/twilio/status` : undefined,
    });
  } catch (error) {
    return failAttempt(error);
  }
  failpoint("after_transport_send");
  return markSent(db, message, transport.name, result, false);
}

/**
 * Claims left in `sending` by a process that died mid-send (or lost its database right after the
 * send): back to queued, marked unconfirmed, and re-enqueued, so the next attempt asks the provider
 * before sending. Returns how many were reconciled.
 */
export async function reconcileStaleClaims(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - claimStaleAfterMs());
  const stale = await db.message.findMany({
    where: { direction: "outbound", status: "sending", OR: [{ claimedAt: { lt: cutoff } }, { claimedAt: null, updatedAt: { lt: cutoff } }] },
    select: { id: true, claimedAt: true, updatedAt: true, unconfirmedSendAt: true },
    orderBy: { updatedAt: "asc" },
    take: 500,
  });
  let count = 0;
  for (const m of stale) {
    // Guarded on the same claim: two sweepers (two workers) reconcile it once.
    const released = await db.message.updateMany({
      where: { id: m.id, status: "sending", claimedAt: m.claimedAt },
      data: { status: "queued", unconfirmedSendAt: m.unconfirmedSendAt ?? m.claimedAt ?? m.updatedAt },
    });
    if (released.count === 0) continue;
    console.warn(`[outbound] message ${m.id} was claimed at ${(m.claimedAt ?? m.updatedAt).toISOString()} by a sender that never finished; checking with the provider before any resend`);
    await enqueueOutbound(m.id);
    count++;
  }
  return count;
}
