"use client";
/**
 * A campaign after it left the draft: its status, live progress (polled while it sends, and for a
 * while after, as delivery reports arrive), who is held for quiet hours and until when, what it
 * said, and every recipient with their status.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatDateTime, formatNumber, plural } from "@/components/ui/format";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useNow, useTimeZone } from "@/components/ui/time-zone";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/components/ui/cn";
import { composeCampaignText } from "@/server/campaigns/compose-campaign-text";
import { BackToCampaigns } from "./campaign-editor";
import { campaignStatusOf, campaignStatusWords, formatCents, reasonWord, recipientStatusWords, type RecipientStatusValue } from "./campaign-words";

type Campaign = RouterOutputs["campaigns"]["get"];
type Progress = Campaign["progress"];

/** How often the page asks for news: fast while sending, slower while delivery reports may still arrive. */
export function pollIntervalFor(campaign: Pick<Campaign, "status" | "finishedAt"> | undefined): number | false {
  if (!campaign) return false;
  if (campaign.status === "scheduled" || campaign.status === "sending") return 2_000;
  if (campaign.status === "sent" && campaign.finishedAt && Date.now() - new Date(campaign.finishedAt).getTime() < 15 * 60_000) return 5_000;
  return false;
}

export function CampaignReport({ campaign }: { campaign: Campaign }) {
  const [filter, setFilter] = useState<RecipientStatusValue | null>(null);
  const status = campaignStatusOf(campaign.status);
  return (
    <>
      <BackToCampaigns />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {campaign.name}
            <span data-testid="campaign-status">
              <Badge tone={campaignStatusWords[status].tone} withDot>
                {campaign.status === "scheduled" && campaign.scheduledAt && new Date(campaign.scheduledAt).getTime() <= Date.now() ? "Starting" : campaignStatusWords[status].label}
              </Badge>
            </span>
          </span>
        }
        description={<AudienceLine campaign={campaign} />}
        action={<CampaignActions campaign={campaign} />}
      >
        <StatusLine campaign={campaign} />
      </PageHeader>
      <div className="flex flex-col gap-6">
        <ProgressCard campaign={campaign} onFilter={setFilter} />
        {campaign.progress.waiting_quiet_hours > 0 ? <DelayedCard campaign={campaign} /> : null}
        <MessageCard campaign={campaign} />
        <RecipientsSection campaign={campaign} filter={filter} onFilter={setFilter} />
      </div>
    </>
  );
}

function AudienceLine({ campaign }: { campaign: Campaign }) {
  const to = campaign.segments.map((s) => s.name).join(", ") || "no segment";
  const except = campaign.excludedSegments.map((s) => s.name).join(", ");
  return (
    <>
      To {to}
      {except ? `, except ${except}` : ""}.
    </>
  );
}

function StatusLine({ campaign }: { campaign: Campaign }) {
  const timeZone = useTimeZone();
  const line = (label: string, at: Date | string | null) =>
    at ? (
      <p className="mt-1 text-sm text-slate-500">
        {label} {formatDateTime(at, timeZone)} (<RelativeTime date={at} />)
      </p>
    ) : null;
  if (campaign.status === "scheduled") return line("Scheduled for", campaign.scheduledAt);
  if (campaign.status === "sending") return line("Started", campaign.startedAt);
  if (campaign.status === "sent") return line("Finished", campaign.finishedAt);
  if (campaign.status === "cancelled") {
    return (
      <>
        {line("Cancelled", campaign.finishedAt)}
        {campaign.stopReason ? <p className="mt-1 text-sm text-failed-ink">{campaign.stopReason}</p> : null}
      </>
    );
  }
  return null;
}

type Confirm = "send" | "cancel" | null;

function CampaignActions({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = (data: Campaign) => {
    queryClient.setQueryData(trpc.campaigns.get.queryKey({ id: campaign.id }), data);
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey({ id: campaign.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
  };
  const onError = (e: unknown) => setError(errorMessageOf(e));
  const sendNow = useMutation(trpc.campaigns.send.mutationOptions({ onError }));
  const unschedule = useMutation(trpc.campaigns.unschedule.mutationOptions({ onError }));
  const cancel = useMutation(trpc.campaigns.cancel.mutationOptions({ onError }));

  const isNotStarted = campaign.status === "scheduled" && !campaign.startedAt;
  if (campaign.status !== "scheduled" && campaign.status !== "sending") return null;

  async function run(action: "send" | "unschedule" | "cancel") {
    setError(null);
    try {
      if (action === "send") {
        await sendNow.mutateAsync({ id: campaign.id });
        toast({ tone: "success", title: "Campaign on its way", description: campaign.name });
      } else if (action === "unschedule") {
        await unschedule.mutateAsync({ id: campaign.id });
        toast({ tone: "success", title: "Moved back to draft", description: "Edit it and send or schedule it again." });
      } else {
        await cancel.mutateAsync({ id: campaign.id });
        toast({ tone: "success", title: "Campaign cancelled", description: campaign.name });
      }
      setConfirm(null);
      // The page re-reads the campaign (a draft opens in the editor).
      const fresh = await queryClient.fetchQuery(trpc.campaigns.get.queryOptions({ id: campaign.id }));
      refresh(fresh);
    } catch {
      setConfirm(null);
    }
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {isNotStarted ? (
          <>
            <Button variant="secondary" onClick={() => void run("unschedule")} isLoading={unschedule.isPending} data-testid="campaign-unschedule">
              Back to draft
            </Button>
            <Button variant="secondary" onClick={() => setConfirm("send")} data-testid="campaign-send-now">
              Send now
            </Button>
          </>
        ) : null}
        <Button variant="danger" onClick={() => setConfirm("cancel")} data-testid="campaign-cancel">
          {campaign.status === "sending" ? "Cancel sending" : "Cancel campaign"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="max-w-sm text-right text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Dialog
        open={confirm === "cancel"}
        onClose={() => setConfirm(null)}
        role="alertdialog"
        title={campaign.status === "sending" ? "Stop sending this campaign?" : "Cancel this campaign?"}
        description={
          campaign.status === "sending"
            ? "Shoppers who haven’t been texted yet won’t get it; texts already queued still go out. This can’t be undone."
            : "It won’t be sent. This can’t be undone; to change it instead, move it back to draft."
        }
        testId="campaign-cancel-confirm"
      >
        <DialogActions>
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            Keep it
          </Button>
          <Button variant="danger" onClick={() => void run("cancel")} isLoading={cancel.isPending} data-autofocus>
            {campaign.status === "sending" ? "Stop sending" : "Cancel campaign"}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={confirm === "send"} onClose={() => setConfirm(null)} role="alertdialog" title="Send it now?" description="It goes out now instead of at its scheduled time. Texts can’t be recalled once sent.">
        <DialogActions>
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            Keep the schedule
          </Button>
          <Button onClick={() => void run("send")} isLoading={sendNow.isPending} data-autofocus>
            Send now
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}

/** The order and colours of the progress bar and tiles. */
const tiles: { status: RecipientStatusValue; label: string; bar: string; help: string }[] = [
  { status: "delivered", label: "Delivered", bar: "bg-resolved", help: "The carrier confirmed delivery." },
  { status: "sent", label: "Sent", bar: "bg-resolved/50", help: "Handed to the carrier; no delivery report yet." },
  { status: "queued", label: "Queued", bar: "bg-automating", help: "Waiting for its turn at the sending rate." },
  { status: "waiting_quiet_hours", label: "Waiting", bar: "bg-escalated", help: "Held for quiet hours where the shopper lives." },
  { status: "failed", label: "Failed", bar: "bg-failed", help: "The carrier or Twilio refused it." },
  { status: "skipped", label: "Skipped", bar: "bg-slate-300", help: "Not subscribed, or the campaign was cancelled." },
];

function countFor(progress: Progress, status: RecipientStatusValue): number {
  // Not yet looked at by the sender: shown with the queue.
  return status === "queued" ? progress.queued + progress.pending : progress[status];
}

function ProgressCard({ campaign, onFilter }: { campaign: Campaign; onFilter: (s: RecipientStatusValue) => void }) {
  const { progress } = campaign;
  const total = progress.total;
  const reached = progress.sent + progress.delivered;
  const toSend = total - progress.skipped;
  return (
    <Card data-testid="campaign-progress">
      <CardHeader
        title="Progress"
        description={
          total === 0
            ? campaign.status === "scheduled"
              ? "Recipients are worked out when it starts."
              : "No one was in the audience when it started."
            : `${formatNumber(reached)} of ${plural(toSend, "text")} sent${progress.skipped ? `, ${formatNumber(progress.skipped)} skipped` : ""}.${campaign.status === "sending" ? " Updates live." : ""}`
        }
        action={
          progress.segmentsSent > 0 ? (
            <p className="text-right text-xs text-slate-500">
              {plural(progress.segmentsSent, "segment")} · {formatCents(progress.segmentsSent * campaign.segmentCostCents)}
            </p>
          ) : null
        }
      />
      <CardBody className={cn("flex flex-col gap-4", total > 0 ? "py-4" : "py-0")}>
        {total > 0 ? (
          <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-100" role="img" aria-label={`${formatNumber(reached)} of ${formatNumber(total)} recipients sent or delivered`}>
            {tiles.map((t) => {
              const n = countFor(progress, t.status);
              return n > 0 ? <div key={t.status} className={cn("h-full", t.bar)} style={{ width: `${(n / total) * 100}%` }} /> : null;
            })}
          </div>
        ) : null}
        {total > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {tiles.map((t) => (
            <li key={t.status}>
              <button
                type="button"
                onClick={() => onFilter(t.status === "queued" ? "queued" : t.status)}
                className="flex w-full flex-col items-start rounded-md border border-slate-200 px-3 py-2 text-left hover:bg-slate-50"
                title={t.help}
                data-testid={`progress-${t.status}`}
              >
                <span className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
                  <span className={cn("size-2 rounded-full", t.bar)} aria-hidden="true" />
                  {t.label}
                </span>
                <span className="text-xl font-semibold text-slate-900 tabular-nums" data-testid={`progress-${t.status}-count`}>
                  {formatNumber(countFor(progress, t.status))}
                </span>
                <span className="sr-only">Show these recipients</span>
              </button>
            </li>
          ))}
        </ul>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {`${formatNumber(progress.delivered)} delivered, ${formatNumber(progress.sent)} sent, ${formatNumber(progress.queued + progress.pending)} queued, ${formatNumber(progress.failed)} failed.`}
        </p>
      </CardBody>
    </Card>
  );
}

/** Who is held for quiet hours, and until when (brand time, with the wait). */
function DelayedCard({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const rows = useQuery({
    ...trpc.campaigns.recipients.queryOptions({ id: campaign.id, status: "waiting_quiet_hours", page: 1, pageSize: 10 }),
    refetchInterval: pollIntervalFor(campaign),
  });
  const n = campaign.progress.waiting_quiet_hours;
  return (
    <Card data-testid="campaign-delayed">
      <CardHeader
        title={`Held for quiet hours: ${plural(n, "shopper")}`}
        description="It’s quiet time where they live (from their area code). Each gets the text when sending hours start in their time zone."
      />
      <CardBody className="py-2">
        {rows.isPending ? (
          <SkeletonRows rows={2} label="Loading who is waiting…" />
        ) : rows.isError ? (
          <ErrorNotice message={errorMessageOf(rows.error)} onRetry={() => void rows.refetch()} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.data.rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="delayed-recipient">
                <ShopperCell row={r} />
                <span className="text-slate-700">
                  until {r.sendAfter ? formatDateTime(r.sendAfter, timeZone) : "their morning"}
                  {r.sendAfter ? (
                    <span className="text-slate-500">
                      {" "}
                      (<RelativeTime date={r.sendAfter} />)
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
            {n > rows.data.rows.length ? <li className="py-2 text-sm text-slate-500">…and {formatNumber(n - rows.data.rows.length)} more; see Recipients below.</li> : null}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function MessageCard({ campaign }: { campaign: Campaign }) {
  const example = composeCampaignText({ body: campaign.body, linkUrl: campaign.linkUrl }, {});
  return (
    <Card>
      <CardHeader title="Message" description="As written, then as a shopper with no name on file received it." />
      <CardBody className="grid gap-4 py-4 md:grid-cols-2">
        <pre className="rounded-md bg-slate-50 px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap text-slate-700">{campaign.body}</pre>
        <div className="max-w-sm rounded-2xl rounded-bl-md bg-slate-100 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-slate-900" data-testid="campaign-message-example">
          {example}
        </div>
      </CardBody>
    </Card>
  );
}

const PAGE_SIZE = 25;

function RecipientsSection({ campaign, filter, onFilter }: { campaign: Campaign; filter: RecipientStatusValue | null; onFilter: (s: RecipientStatusValue | null) => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.campaigns.recipients.queryOptions({ id: campaign.id, status: filter, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }),
    refetchInterval: pollIntervalFor(campaign),
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const statuses = Object.keys(recipientStatusWords) as RecipientStatusValue[];

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
          Recipients
        </h2>
        <Select
          id={`${id}-filter`}
          label="Show"
          value={filter ?? ""}
          onChange={(e) => {
            onFilter((e.target.value || null) as RecipientStatusValue | null);
            setPage(1);
          }}
          fieldClassName="w-56"
          data-testid="recipients-filter"
        >
          <option value="">Everyone ({formatNumber(campaign.progress.total)})</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {recipientStatusWords[s].label} ({formatNumber(campaign.progress[s])})
            </option>
          ))}
        </Select>
      </div>
      {list.isPending ? (
        <SkeletonRows rows={4} label="Loading recipients…" />
      ) : list.isError ? (
        <ErrorNotice message={errorMessageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <EmptyState
          title={filter ? `No one is “${recipientStatusWords[filter].label}”` : "No recipients yet"}
          description={filter ? "Choose another status, or everyone." : campaign.status === "scheduled" ? "Recipients are worked out from the segments when the campaign starts." : "No one was in the audience when it started."}
          action={
            filter ? (
              <Button variant="secondary" onClick={() => onFilter(null)}>
                Show everyone
              </Button>
            ) : null
          }
        />
      ) : (
        <>
          <Table label="Recipients">
            <THead>
              <tr>
                <TH>Shopper</TH>
                <TH>Status</TH>
                <TH className="w-full">Details</TH>
              </tr>
            </THead>
            <TBody>
              {list.data.rows.map((r) => (
                <TR key={r.id} data-testid="recipient-row">
                  <TD>
                    <ShopperCell row={r} />
                  </TD>
                  <TD>
                    <Badge tone={recipientStatusWords[r.status].tone}>{recipientStatusWords[r.status].label}</Badge>
                  </TD>
                  <TD className="text-slate-600">
                    <RecipientDetail row={r} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {pages > 1 ? (
            <div className="flex items-center justify-between gap-3 text-sm text-slate-600">
              <span>
                Page {formatNumber(page)} of {formatNumber(pages)} · {plural(list.data.total, "recipient")}
              </span>
              <div className="flex gap-2">
                <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  Previous
                </Button>
                <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                  Next
                </Button>
              </div>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

type RecipientRow = RouterOutputs["campaigns"]["recipients"]["rows"][number];

function ShopperCell({ row }: { row: RecipientRow }) {
  const name = shopperName(row);
  return (
    <div className="min-w-0">
      <Link href={`/profiles/${row.profileId}`} className="font-medium text-slate-900 hover:text-accent">
        {name ?? <PhoneNumber value={row.phone} />}
      </Link>
      {name ? <PhoneNumber value={row.phone} className="block text-xs text-slate-500" /> : null}
    </div>
  );
}

function RecipientDetail({ row }: { row: RecipientRow }) {
  const timeZone = useTimeZone();
  const now = useNow();
  if (row.status === "waiting_quiet_hours" && row.sendAfter) return <>Goes out {formatDateTime(row.sendAfter, timeZone)}{new Date(row.sendAfter).getTime() < now ? " (any moment now)" : ""}</>;
  if (row.status === "skipped") return <>{reasonWord(row.reason) ?? "Skipped"}</>;
  if (row.status === "failed") return <>{row.errorMessage ?? "The carrier refused it."}</>;
  if (row.sentAt) return <>Queued {formatDateTime(row.sentAt, timeZone)}</>;
  return <>—</>;
}
