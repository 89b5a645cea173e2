"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { shopperName } from "@/components/shopper-name";
import { errorCodeOf, errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { ConsentBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { ArrowLeftIcon, UsersIcon } from "@/components/ui/icons";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { formatPropertyValue, propertyEntries } from "../../_components/format-property";
import { describeConsentSource } from "./consent-source";
import { ProfileTimeline } from "./profile-timeline";

type Detail = RouterOutputs["profiles"]["get"];

function BackLink() {
  return (
    <Link href="/profiles" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeftIcon />
      Profiles
    </Link>
  );
}

export function ProfileDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.brand.current.queryOptions());
  const detail = useQuery(trpc.profiles.get.queryOptions({ id }));

  if (detail.isPending) return <DetailSkeleton />;
  if (detail.isError) {
    return (
      <>
        <BackLink />
        {errorCodeOf(detail.error) === "NOT_FOUND" ? (
          <EmptyState
            icon={<UsersIcon className="size-5" />}
            title="This profile does not exist"
            description="The link may be wrong, or the profile belongs to another brand."
            action={
              <Link href="/profiles" className={buttonClasses()}>
                Back to Profiles
              </Link>
            }
          />
        ) : (
          <ErrorNotice message={errorMessageOf(detail.error)} onRetry={() => void detail.refetch()} />
        )}
      </>
    );
  }

  const { profile, consentHistory, segments, stats } = detail.data;
  const name = shopperName(profile);
  const canSimulate = overview.data?.brand.transport === "simulator";

  return (
    <>
      <BackLink />
      <PageHeader
        title={name ?? <PhoneNumber value={profile.phone} />}
        description={
          <>
            <PhoneNumber value={profile.phone} />
            {profile.email ? (
              <>
                {" · "}
                <a href={`mailto:${profile.email}`} className="hover:text-slate-900 hover:underline">
                  {profile.email}
                </a>
              </>
            ) : null}
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
        <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <ConsentBadge consent={profile.smsConsent} />
          <span>
            Added <RelativeTime date={profile.createdAt} />
          </span>
        </div>
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex min-w-0 flex-col gap-6">
          <PropertiesCard properties={profile.properties} />
          <Card>
            <CardHeader
              title="Activity"
              description={`Texts and events, newest first · ${plural(stats.messages, "text")} in ${plural(stats.conversations, "conversation")}`}
            />
            <CardBody className="px-4 py-5 sm:px-6">
              <ProfileTimeline profileId={profile.id} />
            </CardBody>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <SegmentsCard segments={segments} />
          <ConsentHistoryCard history={consentHistory} />
        </div>
      </div>
    </>
  );
}

function PropertiesCard({ properties }: { properties: unknown }) {
  const entries = propertyEntries(properties);
  return (
    <Card>
      <CardHeader title="Properties" description="Custom details from imports and keyword automations; segments can use them." />
      {entries.length === 0 ? (
        <CardBody>
          <p className="py-4 text-center text-sm text-slate-500">
            No properties yet. Add some with a{" "}
            <Link href="/profiles/import" className="font-medium text-accent hover:underline">
              CSV import
            </Link>
            .
          </p>
        </CardBody>
      ) : (
        <Table label="Properties" className="rounded-none rounded-b-lg border-0 shadow-none">
          <THead>
            <tr>
              <TH className="w-1/3">Property</TH>
              <TH>Value</TH>
            </tr>
          </THead>
          <TBody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <TD className="font-mono text-xs text-slate-600">{key}</TD>
                <TD className="break-words text-slate-900">{formatPropertyValue(value)}</TD>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

function SegmentsCard({ segments }: { segments: Detail["segments"] }) {
  return (
    <Card>
      <CardHeader title="Segments" description="Saved segments this shopper is in right now." />
      <CardBody>
        {segments.length === 0 ? (
          <p className="py-2 text-sm text-slate-500">Not in any saved segment.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label="Segments">
            {segments.map((segment) => (
              <li key={segment.id}>
                <Link
                  href={`/segments/${segment.id}`}
                  className="inline-flex items-center rounded-full bg-accent-soft px-2.5 py-1 text-xs font-medium text-accent ring-1 ring-accent/20 ring-inset hover:bg-indigo-100"
                >
                  {segment.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function ConsentHistoryCard({ history }: { history: Detail["consentHistory"] }) {
  return (
    <Card>
      <CardHeader title="Consent history" description="Every change to SMS consent, newest first." />
      <CardBody className="py-1">
        {history.length === 0 ? (
          <p className="py-3 text-sm text-slate-500">No changes yet: this shopper has never subscribed or unsubscribed.</p>
        ) : (
          <ol className="divide-y divide-slate-100" aria-label="Consent history" data-testid="consent-history">
            {history.map((change) => (
              <li key={change.id} className="flex flex-col gap-1 py-3">
                <div className="flex flex-wrap items-center gap-1.5">
                  <ConsentBadge consent={change.from} />
                  <span aria-label="to" className="text-slate-400">
                    →
                  </span>
                  <ConsentBadge consent={change.to} />
                </div>
                <p className="text-xs text-slate-600">
                  {describeConsentSource(change.source)} · <RelativeTime date={change.createdAt} />
                </p>
                {change.message ? <ConsentMessage message={change.message} /> : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

function ConsentMessage({ message }: { message: NonNullable<Detail["consentHistory"][number]["message"]> }) {
  const quote: ReactNode = <span className="text-slate-700">“{message.body.length > 60 ? `${message.body.slice(0, 59)}…` : message.body}”</span>;
  return (
    <p className="text-xs text-slate-500">
      Texted {quote}
      {message.conversationId ? (
        <>
          {" · "}
          <Link href={`/conversations/${message.conversationId}`} className="font-medium text-accent hover:underline">
            Open conversation
          </Link>
        </>
      ) : null}
    </p>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading the profile…</span>
      <Skeleton className="h-4 w-20" />
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-4 w-80 max-w-full" />
      <div className="mt-4 grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex flex-col gap-6">
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
        <div className="flex flex-col gap-6">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-48 w-full" />
        </div>
      </div>
    </div>
  );
}
