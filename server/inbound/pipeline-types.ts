import type { AgentSettings, AgentTurn, Brand, Conversation, Db, Message, Prisma, Profile } from "../db";
import type { ActiveKeyword } from "../keywords";
import type { RecentText } from "../sms";
import type { EmitEventInput } from "../analytics";
import type { AgentTurnResult } from "../agent";
import type { WorkflowTurn } from "../workflows";
import type { TextRoute } from "../conversations";
import type { Disposition } from "./disposition";

export type PipelineContext = {
  db: Db;
  now: Date;
  message: Message;
  brand: Brand;
  settings: AgentSettings;
  /** The sender's profile read with the text (its Received SMS event written by the same statement); null for a new number. */
  knownProfile: Profile | null;
  /** The texts with this number in the few minutes before this one, newest first, read with the text (bot-loop detection). */
  recentTexts: RecentText[];
  /** Whether the brand had an active SMS workflow when the text was read. */
  hasActiveWorkflows: boolean;
  /** The brand's active keyword automations, read with the text. */
  keywords: readonly ActiveKeyword[];
  /** A turn stored for this text by an earlier run (the job is re-running after a crash). */
  storedTurn: AgentTurn | null;
  /** Events of this turn written with the text's disposition (one statement); a re-run emits them again (dedupe keys). */
  events: EmitEventInput[];
  /** Data-modifying statements (UPDATE … RETURNING) written with the text's disposition, in the same statement. */
  writes: Prisma.Sql[];
  profile?: Profile;
  /** Set by the consent and eligibility stages: the agent may answer, people must, or nobody may. */
  route?: TextRoute;
  conversation?: Conversation;
  /** Set by the workflow stage when an SMS workflow guides this turn. */
  workflow?: WorkflowTurn | null;
  turn?: AgentTurnResult;
  /** Read with the stored turn (agent-turn stage): who owns the conversation after the agent thought. */
  ownership?: ConversationOwnership;
};

export type ConversationOwnership = Pick<Conversation, "tags" | "assigneeId" | "status">;

/** A stage lets the text through or decides its fate; exceptions are for broken infrastructure. */
export type StageResult = { type: "continue" } | { type: "stop"; disposition: Disposition };
export type Stage = { name: string; run(ctx: PipelineContext): Promise<StageResult> };

export const next: StageResult = { type: "continue" };
export const stop = (disposition: Disposition): StageResult => ({ type: "stop", disposition });

/** Narrowing helpers for stages that run after the profile / conversation stages. */
export function profileOf(ctx: PipelineContext): Profile {
  if (!ctx.profile) throw new Error("pipeline: profile stage has not run");
  return ctx.profile;
}
export function conversationOf(ctx: PipelineContext): Conversation {
  if (!ctx.conversation) throw new Error("pipeline: conversation stage has not run");
  return ctx.conversation;
}
