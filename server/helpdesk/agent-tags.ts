/**
 * The conversation tags helpdesks know from Kustomer's SMS integrations, mirrored on
 * Conversation.tags: agent_automating while the agent handles it, agent_automated once it handed
 * off or finished, agent_failure when it failed. A conversation tagged automated or failure is never
 * answered by the agent again. Other tags on the conversation are left alone.
 */
import type { Db } from "../db";

export const AgentTag = { automating: "agent_automating", automated: "agent_automated", failure: "agent_failure" } as const;
export type AgentTagValue = (typeof AgentTag)[keyof typeof AgentTag];

const agentTags: ReadonlySet<string> = new Set(Object.values(AgentTag));

/** The tags with exactly one agent tag: `tag`. */
export function withAgentTag(tags: readonly string[], tag: AgentTagValue): string[] {
  return [...tags.filter((t) => !agentTags.has(t)), tag];
}

/** Handed off, finished or failed: the agent must stay silent in this conversation. */
export function isClosedToAgent(tags: readonly string[]): boolean {
  return tags.includes(AgentTag.automated) || tags.includes(AgentTag.failure);
}

/** Sets the conversation's agent tag; a conversation already closed to the agent never goes back to automating. */
export async function setAgentTag(db: Db, conversationId: string, tag: AgentTagValue, currentTags?: readonly string[]): Promise<string[]> {
  // currentTags: the row as the caller just wrote or read it (the pipeline's reply update returns it).
  const tags = currentTags ? [...currentTags] : (await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { tags: true } })).tags;
  if (tag === AgentTag.automating && isClosedToAgent(tags)) return tags;
  const next = withAgentTag(tags, tag);
  if (next.length === tags.length && next.every((t, i) => t === tags[i])) return tags;
  const updated = await db.conversation.update({ where: { id: conversationId }, data: { tags: next }, select: { tags: true } });
  return updated.tags;
}
