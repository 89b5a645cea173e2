"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { shopperName } from "@/components/shopper-name";
import { errorCodeOf, errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { ConsentBadge, StatusBadge } from "@/components/ui/badge";
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
import { buildTimeline } from "./build-timeline";
import { Transcript } from "./transcript";

type Conversation = RouterOutputs["conversations"]["get"]["conversation"];

function BackLink() {
  return (
    <Link href="/conversations" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeftIcon />
      Conversations
    </Link>
  );
}

export function ConversationDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const overview = useQuery(trpc.brand.current.queryOptions());
  const detail = useQuery({
    ...trpc.conversations.get.queryOptions({ id }),
    // An automating conversation can still change while someone reads it.
    refetchInterval: (query) => (query.state.data?.conversation.status === "automating" ? 5_000 : false),
  });

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
        action={
          canSimulate ? (
            <Link href={`/simulator?phone=${encodeURIComponent(profile.phone)}`} className={buttonClasses({ variant: "secondary" })}>
              Text as this shopper
            </Link>
          ) : undefined
        }
      >
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <StatusBadge status={conversation.status} />
          {conversation.skill ? <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{conversation.skill}</span> : null}
        </div>
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_300px]">
        <div className="flex min-w-0 flex-col gap-4">
          <HandoffNote conversation={conversation} />
          <Card>
            <CardHeader title="Transcript" description={`${formatNumber(messages.length)} ${messages.length === 1 ? "text" : "texts"}, oldest first`} />
            <CardBody className="px-4 py-5 sm:px-6">
              {messages.length === 0 ? <p className="py-8 text-center text-sm text-slate-500">No texts in this conversation.</p> : <Transcript items={timeline} timeZone={timeZone} />}
            </CardBody>
            <div className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-xs text-slate-500 sm:px-6">
              Replying as a teammate from Parley is not built yet.
              {canSimulate ? " To keep the conversation going, text as this shopper from the Simulator." : null}
            </div>
          </Card>
        </div>
        <ConversationFacts conversation={conversation} />
      </div>
    </>
  );
}

/** The handoff note, pinned above the transcript: why the agent stepped back and what the teammate needs to know. */
function HandoffNote({ conversation }: { conversation: Conversation }) {
  if (!conversation.escalationReason && !conversation.summary) return null;
  return (
    <section aria-labelledby="handoff-heading" className="rounded-lg border border-amber-200 bg-escalated-soft px-4 py-3" data-testid="handoff-note">
      <h2 id="handoff-heading" className="text-sm font-semibold text-escalated-ink">
        {conversation.status === "escalated" ? "Handed to a teammate" : "Handoff note"}
      </h2>
      <dl className="mt-2 grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        {conversation.escalationReason ? (
          <>
            <dt className="text-slate-600">Reason</dt>
            <dd className="text-slate-900" data-testid="escalation-reason">
              {conversation.escalationReason.replace(/_/g, " ")}
            </dd>
          </>
        ) : null}
        {conversation.summary ? (
          <>
            <dt className="text-slate-600">Summary</dt>
            <dd className="text-slate-900">{conversation.summary}</dd>
          </>
        ) : null}
        {conversation.sentiment ? (
          <>
            <dt className="text-slate-600">Sentiment</dt>
            <dd className="text-slate-900 capitalize">{conversation.sentiment}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-3 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

function ConversationFacts({ conversation }: { conversation: Conversation }) {
  const isOpen = conversation.status === "automating";
  return (
    <Card className="h-fit xl:sticky xl:top-8">
      <CardHeader title="Details" />
      <CardBody className="py-1">
        <dl className="divide-y divide-slate-100">
          <Fact label="Shopper">
            <PhoneNumber value={conversation.profile.phone} />
          </Fact>
          <Fact label="SMS consent">
            <ConsentBadge consent={conversation.profile.smsConsent} />
          </Fact>
          <Fact label="Status">
            <StatusBadge status={conversation.status} />
          </Fact>
          <Fact label="Skill">{conversation.skill ? <span className="font-mono text-xs">{conversation.skill}</span> : "—"}</Fact>
          <Fact label="Agent replies">{formatNumber(conversation.agentReplyCount)}</Fact>
          <Fact label="Started">
            <RelativeTime date={conversation.startedAt} />
          </Fact>
          <Fact label="Last activity">
            <RelativeTime date={conversation.lastMessageAt} />
          </Fact>
          {isOpen ? (
            <Fact label="Window closes">
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
