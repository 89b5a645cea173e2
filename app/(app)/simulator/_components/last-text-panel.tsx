"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/components/trpc";
import { ToolCalls } from "@/components/tool-calls";
import { Badge, StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DispositionChip } from "@/components/ui/disposition-chip";
import { formatDuration } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";

type Thread = RouterOutputs["simulator"]["thread"];
type ThreadConversation = NonNullable<Thread["conversation"]>;

const outcomeTone: Record<string, BadgeTone> = { answered: "automating", resolved: "resolved", handoff: "escalated", failed: "failed" };

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-3 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Where the latest text's conversation stands: its status, whether it waits for a person, and who owns it. */
function ConversationState({ conversation }: { conversation: ThreadConversation }) {
  return (
    <section aria-labelledby="conversation-state-heading" data-testid="conversation-state">
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="conversation-state-heading" className="text-sm font-semibold text-slate-900">
          Conversation
        </h3>
        <Link href={`/conversations/${conversation.id}`} className="rounded text-sm font-medium text-accent hover:underline" data-testid="conversation-link">
          Open in Conversations
        </Link>
      </div>
      <dl className="divide-y divide-slate-100">
        <Row label="Status" testId="conversation-status">
          <StatusBadge status={conversation.status} />
        </Row>
        <Row label="Waiting for a person" testId="conversation-waiting">
          {conversation.waitingForPerson ? <span className="font-medium text-escalated-ink">Yes</span> : "No"}
        </Row>
        <Row label="Assignee" testId="conversation-assignee">
          {conversation.assignee ?? <span className="text-slate-500">Nobody</span>}
        </Row>
      </dl>
    </section>
  );
}

/** What happened to the shopper's latest text: its disposition and, when the agent ran, the turn with its tools. */
export function LastTextPanel({ thread, isLoading }: { thread: Thread | undefined; isLoading: boolean }) {
  const inbound = thread?.lastInbound ?? null;
  const turn = thread?.lastTurn ?? null;

  return (
    <Card className="lg:sticky lg:top-8" aria-labelledby="last-text-heading">
      <CardHeader
        title={<span id="last-text-heading">Last text</span>}
        description="Why the agent did or didn't answer the shopper's latest text, and what it did."
      />
      <CardBody>
        {isLoading ? (
          <div className="flex flex-col gap-2" role="status">
            <span className="sr-only">Loading…</span>
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-24 w-full" />
          </div>
        ) : !inbound ? (
          <p className="py-6 text-center text-sm text-slate-500">No texts from this number yet. Send one from the phone and its disposition shows up here.</p>
        ) : (
          <div className="flex flex-col gap-4">
            <blockquote className="rounded-md border-l-2 border-accent bg-slate-50 px-3 py-2 text-sm break-words whitespace-pre-wrap text-slate-800">
              {inbound.body}
            </blockquote>
            <dl className="divide-y divide-slate-100">
              <Row label="Received">
                <RelativeTime date={inbound.createdAt} />
              </Row>
              <Row label="Disposition">
                <span className="flex flex-col items-start gap-1">
                  <DispositionChip code={inbound.disposition} text={inbound.dispositionText} testId="disposition" />
                  <span className="text-slate-600" data-testid="disposition-text">
                    {inbound.disposition ? inbound.dispositionText : "Processing this text…"}
                  </span>
                </span>
              </Row>
            </dl>

            {thread?.conversation ? <ConversationState conversation={thread.conversation} /> : null}

            <section aria-labelledby="agent-turn-heading" data-testid="agent-turn">
              <h3 id="agent-turn-heading" className="mb-1 text-sm font-semibold text-slate-900">
                Agent turn
              </h3>
              {turn ? (
                <>
                  <dl className="divide-y divide-slate-100">
                    <Row label="Model" testId="turn-model">
                      <span className="font-mono text-xs">{turn.model}</span>
                    </Row>
                    <Row label="Outcome" testId="turn-outcome">
                      <Badge tone={outcomeTone[turn.outcome] ?? "neutral"}>{turn.outcome}</Badge>
                    </Row>
                    <Row label="Skill" testId="turn-skill">
                      {turn.skill ? <span className="font-mono text-xs">{turn.skill}</span> : <span className="text-slate-400">None</span>}
                    </Row>
                    <Row label="Latency" testId="turn-latency">
                      <span className="tabular-nums">{formatDuration(turn.latencyMs)}</span>
                    </Row>
                    {turn.handoffReason ? <Row label="Handoff reason">{turn.handoffReason.replace(/_/g, " ")}</Row> : null}
                    {turn.failureReason ? <Row label="Failure">{turn.failureReason}</Row> : null}
                    {turn.replyText ? (
                      <Row label="Reply">
                        <span className="whitespace-pre-wrap">{turn.replyText}</span>
                      </Row>
                    ) : null}
                  </dl>
                  <h4 className="mt-3 mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Tools</h4>
                  <ToolCalls tools={turn.tools} />
                </>
              ) : !inbound.disposition ? (
                <p className="text-sm text-slate-500">The agent is working on it…</p>
              ) : (
                <p className="text-sm text-slate-500">The agent did not run for this text: Parley handled it before the agent (see the disposition above).</p>
              )}
            </section>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
