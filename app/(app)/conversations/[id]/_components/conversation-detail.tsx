"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, type ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { shopperName } from "@/components/shopper-name";
import { errorCodeOf, errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge, ConsentBadge, StatusBadge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ArrowLeftIcon, ChatIcon } from "@/components/ui/icons";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useTimeZone } from "@/components/ui/time-zone";
import { handoffReasonWords } from "../../_components/escalation-reason";
import { buildTimeline } from "./build-timeline";
import { ConversationActions } from "./conversation-actions";
import { ReplyBox } from "./reply-box";
import { Transcript } from "./transcript";

type Detail = RouterOutputs["conversations"]["get"];
type Conversation = Detail["conversation"];

// A teammate waits for the shopper's answer on this page: new texts show up within seconds.
const POLL_MS = 5_000;

function BackLink() {
  return (
    <Link href="/conversations" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeftIcon />
      Conversations
    </Link>
  );
}

/** Opening the conversation, and every new shopper text seen while it is open, marks it read. */
function useMarkRead(id: string, inboundCount: number | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutate } = useMutation(
    trpc.conversations.markRead.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.conversations.list.pathKey() });
      },
    }),
  );
  useEffect(() => {
    if (inboundCount === undefined) return;
    mutate({ id });
  }, [id, inboundCount, mutate]);
}

export function ConversationDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const overview = useQuery(trpc.brand.current.queryOptions());
  const detail = useQuery({ ...trpc.conversations.get.queryOptions({ id }), refetchInterval: POLL_MS });
  useMarkRead(id, detail.data ? detail.data.messages.filter((m) => m.direction === "inbound").length : undefined);

  if (detail.isPending) return <DetailSkeleton />;

  if (detail.isError) {
    if (errorCodeOf(detail.error) === "NOT_FOUND") {
      return (
        <>
          <BackLink />
          <EmptyState
            icon={<ChatIcon className="size-5" />}
            title="This conversation does not exist"
            description="The link may be wrong, or the conversation belongs to another brand."
            action={
              <Link href="/conversations" className={buttonClasses()}>
                Back to Conversations
              </Link>
            }
          />
        </>
      );
    }
    return (
      <>
        <BackLink />
        <ErrorNotice message={errorMessageOf(detail.error)} onRetry={() => void detail.refetch()} />
      </>
    );
  }

  const { conversation, messages } = detail.data;
  const profile = conversation.profile;
  const name = shopperName(profile);
  const timeline = buildTimeline(detail.data, timeZone);
  const canSimulate = overview.data?.brand.transport === "simulator";

  return (
    <>
      <BackLink />
      <PageHeader
        title={name ?? <PhoneNumber value={profile.phone} />}
        description={
          <>
            Conversation with <PhoneNumber value={profile.phone} /> · started {formatDateTime(conversation.startedAt, timeZone)}
          </>
        }
        action={<ConversationActions detail={detail.data} canSimulate={canSimulate} />}
      >
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <StatusBadge status={conversation.status} />
          <OwnerBadge detail={detail.data} />
          {conversation.skill ? <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{conversation.skill}</span> : null}
        </div>
        <WaitingLine detail={detail.data} />
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_300px]">
        <div className="flex min-w-0 flex-col gap-4">
          <HandoffNote detail={detail.data} />
          <Card>
            <CardHeader title="Transcript" description={`${formatNumber(messages.length)} ${messages.length === 1 ? "text" : "texts"}, oldest first`} />
            <CardBody className="px-4 py-5 sm:px-6">
              {timeline.length === 0 ? <p className="py-8 text-center text-sm text-slate-500">No texts in this conversation.</p> : <Transcript items={timeline} timeZone={timeZone} />}
            </CardBody>
            <ReplyBox detail={detail.data} />
          </Card>
        </div>
        <ConversationFacts detail={detail.data} />
      </div>
    </>
  );
}

/** At the top while the shopper waits for a person: since when, and what answers them. */
function WaitingLine({ detail }: { detail: Detail }) {
  const since = detail.conversation.awaitingPersonSince;
  if (!detail.waitingForPerson || !since) return null;
  return (
    <p
      className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded-md border border-amber-200 bg-escalated-soft px-3 py-2 text-sm text-escalated-ink"
      data-testid="waiting-banner"
    >
      <span className="flex items-center gap-2 font-semibold">
        <span className="size-2 shrink-0 rounded-full bg-escalated" aria-hidden="true" />
        <span>
          Waiting for a person since <RelativeTime date={since} />
        </span>
      </span>
      <span className="text-escalated-ink/80">{detail.replyBlockedReason ? "Nobody can reply by SMS; close it when it's handled." : "A reply from your team answers the shopper."}</span>
    </p>
  );
}

/** Who owns the conversation, in one badge: you, a teammate, nobody yet, or who closed it. */
function OwnerBadge({ detail }: { detail: Detail }) {
  const c = detail.conversation;
  const isMine = c.assignee?.id === detail.viewerUserId;
  let tone: BadgeTone = "neutral";
  let text: string;
  if (c.status === "closed") {
    // Closed without a closer (a not-subscribed number's text): the status badge already says so.
    if (!detail.closedBy) return null;
    text = `Closed by ${detail.closedBy.id === detail.viewerUserId ? "you" : detail.closedBy.name}`;
  } else if (c.assignee) {
    tone = "accent";
    text = isMine ? "Owned by you" : `Owned by ${c.assignee.name}`;
  } else if (c.status === "escalated" || detail.waitingForPerson) {
    tone = "escalated";
    text = "Nobody owns this yet";
  } else return null;
  return (
    <span data-testid="conversation-owner">
      <Badge tone={tone}>{text}</Badge>
    </span>
  );
}

const sentimentTone: Record<string, BadgeTone> = { positive: "resolved", neutral: "neutral", negative: "failed" };

/** The handoff note, pinned above the transcript: what the shopper wants, what was tried, and how they feel. */
function HandoffNote({ detail }: { detail: Detail }) {
  const { conversation, ticket } = detail;
  const summary = ticket?.summary ?? conversation.summary;
  const sentiment = ticket?.sentiment ?? conversation.sentiment;
  const reason = ticket?.reason ?? conversation.escalationReason;
  if (!summary && !reason) return null;
  // Eligibility rules and consent are worded by the server (the texts' dispositions say the same); handoffs here.
  const reasonWords = detail.escalationReasonText && reason === conversation.escalationReason ? detail.escalationReasonText : reason ? capitalize(handoffReasonWords(reason)) : null;
  const isDeliveredElsewhere = ticket && ticket.destination !== "inbox";
  return (
    <section aria-labelledby="handoff-heading" className="rounded-lg border border-amber-200 bg-escalated-soft px-4 py-3" data-testid="handoff-note">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="handoff-heading" className="text-sm font-semibold text-escalated-ink">
          {ticket || summary ? "Handoff note" : "Why the agent isn't answering"}
        </h2>
        {sentiment ? (
          <span data-testid="handoff-sentiment">
            <Badge tone={sentimentTone[sentiment] ?? "neutral"} withDot>
              <span className="capitalize">{sentiment}</span> sentiment
            </Badge>
          </span>
        ) : null}
      </div>
      <dl className="mt-2 grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        {reasonWords ? (
          <>
            <dt className="text-slate-600">Reason</dt>
            <dd className="text-slate-900" data-testid="escalation-reason">
              {reasonWords}
            </dd>
          </>
        ) : null}
        {summary ? (
          <>
            <dt className="text-slate-600">Summary</dt>
            <dd className="text-slate-900" data-testid="handoff-summary">
              {summary}
            </dd>
          </>
        ) : null}
        {isDeliveredElsewhere ? (
          <>
            <dt className="text-slate-600">Helpdesk</dt>
            <dd className="text-slate-900">
              <span className="capitalize">{ticket.destination}</span> ·{" "}
              {ticket.deliveryStatus === "failed" ? "couldn’t be delivered; it stays here in the inbox" : ticket.deliveryStatus.replace(/_/g, " ")}
              {ticket.lastError ? (
                <span className="block text-xs text-red-700" data-testid="handoff-delivery-error">
                  {ticket.lastError} — check Settings → Helpdesk.
                </span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-3 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

function ConversationFacts({ detail }: { detail: Detail }) {
  const conversation: Conversation = detail.conversation;
  const isOpen = conversation.status === "automating" || (conversation.status === "escalated" && !conversation.assignee);
  return (
    <Card className="h-fit xl:sticky xl:top-8">
      <CardHeader title="Details" />
      <CardBody className="py-1">
        <dl className="divide-y divide-slate-100">
          <Fact label="Shopper">
            <Link href={`/profiles/${conversation.profile.id}`} className="text-accent hover:underline">
              <PhoneNumber value={conversation.profile.phone} />
            </Link>
          </Fact>
          <Fact label="SMS consent">
            <ConsentBadge consent={conversation.profile.smsConsent} />
          </Fact>
          <Fact label="Status">
            <StatusBadge status={conversation.status} />
          </Fact>
          <Fact label="Owner">{conversation.assignee ? (conversation.assignee.id === detail.viewerUserId ? "You" : conversation.assignee.name) : "Nobody"}</Fact>
          {conversation.assignedAt && conversation.assignee ? (
            <Fact label="Taken">
              <RelativeTime date={conversation.assignedAt} />
            </Fact>
          ) : null}
          {conversation.status === "closed" && conversation.endedAt ? (
            <Fact label="Closed">
              <RelativeTime date={conversation.endedAt} />
              {detail.closedBy ? <span className="block text-xs text-slate-500">by {detail.closedBy.name}</span> : null}
            </Fact>
          ) : null}
          <Fact label="Skill">{conversation.skill ? <span className="font-mono text-xs">{conversation.skill}</span> : "—"}</Fact>
          <Fact label="Agent replies">{formatNumber(conversation.agentReplyCount)}</Fact>
          <Fact label="Started">
            <RelativeTime date={conversation.startedAt} />
          </Fact>
          <Fact label="Last activity">
            <RelativeTime date={conversation.lastMessageAt} />
          </Fact>
          {isOpen ? (
            <Fact label={conversation.status === "automating" ? "Window closes" : "Agent silent until"}>
              <RelativeTime date={conversation.windowEndsAt} />
            </Fact>
          ) : null}
        </dl>
      </CardBody>
    </Card>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading the conversation…</span>
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-7 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="mt-4 grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_300px]">
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6">
          <Skeleton className="ml-auto h-10 w-1/2 rounded-2xl" />
          <Skeleton className="h-16 w-2/3 rounded-2xl" />
          <Skeleton className="ml-auto h-10 w-1/3 rounded-2xl" />
          <Skeleton className="h-12 w-1/2 rounded-2xl" />
        </div>
        <Skeleton className="h-64 w-full" />
      </div>
    </div>
  );
}
