/**
 * What happens to one inbound text, in order (see DESIGN.md). Each stage lets the text through
 * or decides its fate; the decision is stored on the message as its disposition.
 */
import type { Db } from "../db";
import type { Disposition } from "./disposition";
import type { PipelineContext, Stage } from "./pipeline-types";
import { loadInbound } from "./load-inbound";
import { writeText } from "./write-text";
import { resolveProfile } from "./stages/resolve-profile";
import { compliance } from "./stages/compliance";
import { keywordAutomations } from "./stages/keyword-automations";
import { noiseGuard } from "./stages/noise-guard";
import { consentCheck } from "./stages/consent-check";
import { eligibility } from "./stages/eligibility";
import { conversation } from "./stages/conversation";
import { shopperTurn } from "./stages/shopper-turn";
import { workflow } from "./stages/workflow";
import { agentTurn } from "./stages/agent-turn";
import { sendAndLifecycle } from "./stages/send-and-lifecycle";

export const pipelineStages: readonly Stage[] = [
  resolveProfile,
  compliance,
  keywordAutomations,
  noiseGuard,
  consentCheck,
  eligibility,
  conversation,
  shopperTurn,
  workflow,
  agentTurn,
  sendAndLifecycle,
];

export type ProcessResult = { status: "processed"; disposition: Disposition } | { status: "already_processed"; disposition: string | null };

/** Runs one stored inbound text through the stages. Safe to run again: a processed text is left alone. */
export async function processInbound(db: Db, messageId: string, now = new Date()): Promise<ProcessResult> {
  const loaded = await loadInbound(db, messageId);
  const { message, brand } = loaded;
  if (message.processedAt) return { status: "already_processed", disposition: message.disposition };
  // Every brand has its settings row; an upsert here cost a transaction (five round trips) per text.
  const settings = loaded.settings ?? (await db.agentSettings.upsert({ where: { brandId: brand.id }, update: {}, create: { brandId: brand.id } }));
  const ctx: PipelineContext = {
    db,
    now,
    message,
    brand,
    settings,
    knownProfile: loaded.profile,
    keywords: loaded.keywords,
    hasActiveWorkflows: loaded.hasActiveWorkflows,
    recentTexts: loaded.recentTexts,
    storedTurn: loaded.storedTurn,
    events: [],
    writes: [],
  };
  for (const stage of pipelineStages) {
    const result = await stage.run(ctx);
    if (result.type === "continue") continue;
    // The turn's pending events and writes (ctx.events, ctx.writes) and the profile link ride on this write when no earlier stage wrote the row (compliance, keywords, noise).
    await writeText(db, messageId, { disposition: result.disposition, processedAt: new Date(), profileId: ctx.profile?.id }, ctx.events, ctx.writes);
    return { status: "processed", disposition: result.disposition };
  }
  throw new Error("pipeline: no stage decided the text's fate");
}
