import type { Db, MessageStatus } from "../db";

const twilioToOurs: Record<string, MessageStatus> = {
  // Before "sent", Twilio holds the message; for Parley it has already left (status "sent").
  accepted: "sent",
  scheduled: "sent",
  queued: "sent",
  sending: "sent",
  sent: "sent",
  delivered: "delivered",
  undelivered: "undelivered",
  failed: "failed",
};
/** Later states never go back to earlier ones when callbacks arrive out of order. */
const rank: Record<MessageStatus, number> = {
  received: 0, queued: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4,
};

/** Applies a Twilio status callback to the outbound message with that MessageSid. */
export async function applyStatusCallback(
  db: Db,
  input: { brandId: string; messageSid: string; status: string; errorCode?: string },
): Promise<"updated" | "unchanged" | "unknown_message"> {
  const key = input.status.toLowerCase();
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const next = Object.hasOwn(twilioToOurs, key) ? twilioToOurs[key] : undefined;
  const message = await db.message.findFirst({ where: { providerSid: input.messageSid, brandId: input.brandId } });
  if (!message) return "unknown_message";
  if (!next || rank[next] <= rank[message.status]) return "unchanged";
  await db.message.update({
    where: { id: message.id },
    data: { status: next, errorCode: input.errorCode ?? message.errorCode },
  });
  return "updated";
}
