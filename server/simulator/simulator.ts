import crypto from "node:crypto";
import type { Db } from "../db";
import { conversationState } from "../conversations";
import { AppError } from "../errors";
import { receiveInbound } from "../inbound";
import { normalizePhone } from "../sms";

/** A MessageSid in Twilio's shape, so simulated texts take the webhook's path exactly. */
export function simulatedMessageSid(): string {
  return `SM${crypto.randomBytes(16).toString("hex")}`;
}

/** A shopper texts the brand from the Simulator: the same receive → queue → pipeline → send path as Twilio's webhook. */
export async function sendSimulatedText(db: Db, brandId: string, input: { from: string; body: string }) {
  const from = normalizePhone(input.from);
  if (!from) throw new AppError("BAD_REQUEST", { userMessage: `"${input.from}" is not a phone number; use a format like +1 555 555 0100.` });
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId } });
  return receiveInbound(db, { messageSid: simulatedMessageSid(), from, to: brand.smsNumber, body: input.body });
}

/** Everything between the brand and one phone number, oldest first, with the latest agent turn. */
export async function simulatorThread(db: Db, brandId: string, phone: string) {
  const e164 = normalizePhone(phone);
  if (!e164) return { profile: null, messages: [], lastTurn: null, pending: false, conversation: null };
  const profile = await db.profile.findUnique({ where: { brandId_phone: { brandId, phone: e164 } } });
  const messages = await db.message.findMany({
    where: { brandId, OR: [{ fromNumber: e164, direction: "inbound" }, { toNumber: e164, direction: "outbound" }] },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const lastInbound = [...messages].reverse().find((m) => m.direction === "inbound") ?? null;
  const lastTurn = lastInbound ? await db.agentTurn.findUnique({ where: { inboundMessageId: lastInbound.id } }) : null;
  const pending = messages.some((m) => (m.direction === "inbound" && !m.processedAt) || (m.direction === "outbound" && (m.status === "queued" || m.status === "sending")));
  const conversation = await conversationState(db, brandId, lastInbound?.conversationId);
  return { profile, messages, lastInbound, lastTurn, pending, conversation };
}

/** Seeded shoppers to pick from, subscribed first. */
export async function simulatorShoppers(db: Db, brandId: string) {
  return db.profile.findMany({
    where: { brandId },
    orderBy: [{ smsConsent: "asc" }, { createdAt: "asc" }],
    take: 100,
    select: { id: true, phone: true, firstName: true, lastName: true, smsConsent: true, _count: { select: { orders: true } } },
  });
}
