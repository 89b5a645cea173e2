/**
 * The brand's sender for campaigns: the kind of number, how many texts a second it may send, and
 * what one SMS segment costs (for estimates). Edited from the campaign page; recorded in the
 * Settings history under Channels.
 */
import type { Db } from "../db";
import { invalidFields } from "../errors";
import { recordSettingsChange, type SettingsActor } from "../settings";
import { isSenderType, validateMessagesPerSecond, type SenderType } from "./sending-rate-math";

export type SendingRate = { senderType: SenderType; messagesPerSecond: number; segmentCostCents: number };

export const MAX_SEGMENT_COST_CENTS = 100;

export async function getSendingRate(db: Db, brandId: string): Promise<SendingRate> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { senderType: true, messagesPerSecond: true, segmentCostCents: true } });
  return { senderType: isSenderType(brand.senderType) ? brand.senderType : "long_code", messagesPerSecond: brand.messagesPerSecond, segmentCostCents: brand.segmentCostCents };
}

export function validateSendingRate(input: SendingRate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isSenderType(input.senderType)) errors.senderType = "Choose long code, toll-free or short code.";
  const rateError = validateMessagesPerSecond(input.messagesPerSecond);
  if (rateError) errors.messagesPerSecond = rateError;
  if (!Number.isFinite(input.segmentCostCents) || input.segmentCostCents < 0 || input.segmentCostCents > MAX_SEGMENT_COST_CENTS) {
    errors.segmentCostCents = `Enter the price of one segment in cents, from 0 to ${MAX_SEGMENT_COST_CENTS} (Twilio’s US rate is about 0.79).`;
  }
  return errors;
}

export async function updateSendingRate(db: Db, brandId: string, actor: SettingsActor, input: SendingRate): Promise<SendingRate> {
  const errors = validateSendingRate(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  const before = await getSendingRate(db, brandId);
  const after: SendingRate = { senderType: input.senderType, messagesPerSecond: input.messagesPerSecond, segmentCostCents: Math.round(input.segmentCostCents * 10_000) / 10_000 };
  await db.$transaction(async (tx) => {
    await tx.brand.update({ where: { id: brandId }, data: after });
    await recordSettingsChange(tx, { brandId, actor, area: "channels", before, after });
  });
  return after;
}
