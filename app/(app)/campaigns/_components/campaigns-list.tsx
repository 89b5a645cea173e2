"use client";
/** Every campaign of the brand, newest first: status, audience, progress and when. Polls while one is sending. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";
import { MegaphoneIcon, PlusIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { campaignStatusOf, campaignStatusWords } from "./campaign-words";

type CampaignRow = RouterOutputs["campaigns"]["list"][number];

export function CampaignsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery({
    ...trpc.campaigns.list.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((c) => c.status === "sending" || c.status === "scheduled") ? 3_000 : false),
  });

  if (list.isPending) return <SkeletonRows rows={4} label="Loading campaigns…" />;
  if (list.isError) return <ErrorNotice message={errorMessageOf(list.error)} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) {
    return (
      <EmptyState
        icon={<MegaphoneIcon className="size-5" />}
        title="No campaigns yet"
        description="A campaign is one text to a segment of your SMS subscribers — a sale, a restock, a new arrival — ending with an invitation to reply, which the customer agent answers."
        action={
          <Link href="/campaigns/new" className={buttonClasses()}>
            <PlusIcon />
            New campaign
          </Link>
        }
      />
    );
  }
  return (
    <Table label="Campaigns">
      <THead>
        <tr>
          <TH className="w-full">Campaign</TH>
          <TH>Status</TH>
          <TH className="text-right">Sent</TH>
          <TH>When</TH>
        </tr>
      </THead>
      <TBody>
        {list.data.map((c) => (
          <CampaignTableRow key={c.id} campaign={c} onOpen={() => router.push(`/campaigns/${c.id}`)} />
        ))}
      </TBody>
    </Table>
  );
}

function CampaignTableRow({ campaign, onOpen }: { campaign: CampaignRow; onOpen: () => void }) {
  const status = campaignStatusOf(campaign.status);
  const p = campaign.progress;
  const reached = p.sent + p.delivered;
  const toSend = p.total - p.skipped;
  const audience = campaign.segments.map((s) => s.name).join(", ");
  return (
    <TR isClickable onClick={onOpen} data-testid="campaign-row">
      <TD className="max-w-0">
        <Link href={`/campaigns/${campaign.id}`} className="font-medium text-slate-900 hover:text-accent" onClick={(e) => e.stopPropagation()}>
          {campaign.name}
        </Link>
        <p className="truncate text-xs text-slate-500" title={audience}>
          {audience ? `To ${audience}` : "No audience yet"}
          {campaign.excludedSegments.length ? `, except ${campaign.excludedSegments.map((s) => s.name).join(", ")}` : ""}
        </p>
      </TD>
      <TD>
        <Badge tone={campaignStatusWords[status].tone} withDot>
          {campaignStatusWords[status].label}
        </Badge>
      </TD>
      <TD className="text-right whitespace-nowrap tabular-nums" data-testid="campaign-row-progress">
        {campaign.status === "draft" || p.total === 0 ? (
          <span className="text-slate-400">—</span>
        ) : (
          <div className="flex flex-col items-end gap-1">
            <span>
              {formatNumber(reached)} / {formatNumber(toSend)}
            </span>
            <span className="block h-1 w-20 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
              <span className="block h-full bg-resolved" style={{ width: `${toSend ? Math.min(100, (reached / toSend) * 100) : 0}%` }} />
            </span>
          </div>
        )}
      </TD>
      <TD className="whitespace-nowrap text-slate-500">
        <WhenCell campaign={campaign} />
      </TD>
    </TR>
  );
}

function WhenCell({ campaign }: { campaign: CampaignRow }) {
  if (campaign.status === "scheduled" && campaign.scheduledAt) return <>Goes <RelativeTime date={campaign.scheduledAt} /></>;
  const p = campaign.progress;
  if (campaign.status === "sending" && p.waiting_quiet_hours > 0 && p.pending + p.queued === 0) return <>Waiting for quiet hours to end</>;
  if (campaign.status === "sending" && campaign.startedAt) return <>Started <RelativeTime date={campaign.startedAt} /></>;
  if ((campaign.status === "sent" || campaign.status === "cancelled") && campaign.finishedAt) return <RelativeTime date={campaign.finishedAt} />;
  return <>Edited <RelativeTime date={campaign.updatedAt} /></>;
}
