/**
 * Settings → Marketing: the conversation starter, a line campaigns append to invite a reply
 * ("Questions? Reply to chat with us."). Stored on AgentSettings.conversationStarter.
 */
import type { Db } from "../db";
import { invalidFields } from "../errors";
import { segmentInfo } from "../sms";
import { recordSettingsChange, type SettingsActor } from "./record-settings-change";

export type MarketingSettings = { conversationStarter: string };

/** The rules, in the words shown next to the field. */
export function validateMarketingSettings(input: MarketingSettings): Record<string, string> {
  const errors: Record<string, string> = {};
  const starter = input.conversationStarter.trim();
  if (!starter) errors.conversationStarter = "Write a conversation starter, e.g. “Questions? Reply to chat with us.”";
  else {
    const info = segmentInfo(starter);
    const limit = info.encoding === "GSM-7" ? 160 : 70;
    // A campaign that carries it already uses most of its segment; the line itself must never need a second one.
    if (info.segments > 1) {
      errors.conversationStarter = `The conversation starter must fit one SMS (${limit} characters${info.encoding === "GSM-7" ? "" : " with emoji or special characters"}); it is ${info.characters}.`;
    }
  }
  return errors;
}

export async function getMarketingSettings(db: Db, brandId: string): Promise<MarketingSettings> {
  const s = await db.agentSettings.upsert({ where: { brandId }, update: {}, create: { brandId } });
  return { conversationStarter: s.conversationStarter };
}

/** The line a campaign appends to invite shoppers to reply to the agent. */
export async function getConversationStarter(db: Db, brandId: string): Promise<string> {
  return (await getMarketingSettings(db, brandId)).conversationStarter;
}

/** Validates, saves and records the change (area "marketing"); nothing is saved when it is wrong. */
export async function updateMarketingSettings(db: Db, brandId: string, actor: SettingsActor, input: MarketingSettings): Promise<MarketingSettings> {
  const errors = validateMarketingSettings(input);
  if (Object.keys(errors).length) throw invalidFields(errors);
  const before = await getMarketingSettings(db, brandId);
  return db.$transaction(async (tx) => {
    const s = await tx.agentSettings.update({ where: { brandId }, data: { conversationStarter: input.conversationStarter.trim() } });
    const after = { conversationStarter: s.conversationStarter };
    await recordSettingsChange(tx, { brandId, actor, area: "marketing", before, after });
    return after;
  });
}
