import type { Db } from "../db";
import { emitEvent, EventName } from "../analytics";
import { publicUrl } from "../env";
import { isAllowedByConsent } from "./queue-outbound";
import { selectTransport } from "./transports/select-transport";
import { TransportError } from "./transports/transport";

export type DeliverOutcome = "sent" | "skipped" | "refused" | "failed" | "retry";

/**
 * Sends one queued message through the brand's transport. Claims the row first (queued →
 * sending) so a re-delivered job never sends twice; re-checks consent at send time.
 */
export async function deliverOutbound(
  db: Db,
  messageId: string,
  opts: { isLastAttempt: boolean },
): Promise<DeliverOutcome> {
  const claimed = await db.message.updateMany({
    where: { id: messageId, status: "queued", direction: "outbound" },
    data: { status: "sending" },
  });
  if (claimed.count === 0) return "skipped";
  const message = await db.message.findUniqueOrThrow({
    where: { id: messageId },
    include: { brand: true, profile: true },
  });
  if (message.profile && !isAllowedByConsent(message.purpose, message.profile.smsConsent)) {
    await db.message.update({
      where: { id: messageId },
      data: { status: "failed", errorCode: "not_subscribed", errorMessage: "The shopper unsubscribed before this text was sent." },
    });
    return "refused";
  }
  const transport = selectTransport(message.brand);
  try {
    const result = await transport.send({
      from: message.fromNumber,
      to: message.toNumber,
      body: message.body,
      statusCallbackUrl: transport.name === "twilio" ? `${publicUrl()}/api/twilio/status` : undefined,
    });
    await db.message.update({
      where: { id: messageId },
      data: { status: result.status, providerSid: result.providerSid, errorCode: null, errorMessage: null },
    });
    await emitEvent(db, {
      brandId: message.brandId,
      profileId: message.profileId,
      name: EventName.sentSms,
      properties: { messageId, author: message.author, segments: message.segments, transport: transport.name },
      dedupeKey: `sent:${messageId}`,
    });
    return "sent";
  } catch (error) {
    const retryable = error instanceof TransportError ? error.retryable : true;
    const finalFailure = !retryable || opts.isLastAttempt;
    await db.message.update({
      where: { id: messageId },
      data: {
        status: finalFailure ? "failed" : "queued",
        errorCode: error instanceof TransportError ? (error.code ?? "transport_error") : "transport_error",
        errorMessage: error instanceof Error ? error.message : String(error),
      },
    });
    return finalFailure ? "failed" : "retry";
  }
}
