"use client";
import Link from "next/link";
import type { RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { MegaphoneIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { formatMoney, formatShare } from "./format-metric";

type SkillRow = RouterOutputs["performance"]["bySkill"][number];
type CampaignRow = RouterOutputs["performance"]["byCampaign"][number];

const skillLabels: Record<Exclude<SkillRow["key"], "workflow">, { label: string; hint: string }> = {
  wismo: { label: "Order status (WISMO)", hint: "Where is my order" },
  recommendation: { label: "Product recommendations", hint: "Finding the right product" },
  faq: { label: "FAQ", hint: "Answers from the help center" },
  other: { label: "Other", hint: "Anything else, or no skill used" },
  open: { label: "Still open", hint: "No outcome yet, so no skill" },
};

function skillLabel(row: SkillRow): { label: string; hint: string } {
  return row.key === "workflow" ? { label: `Workflow: ${row.workflowName}`, hint: "Guided by an SMS workflow" } : skillLabels[row.key];
}

/** Volume and resolution rate per skill (and per SMS workflow). */
export function SkillTable({ rows }: { rows: SkillRow[] }) {
  return (
    <Table label="Conversations by skill" className="shadow-none">
      <THead>
        <tr>
          <TH>Skill</TH>
          <TH className="text-right">Conversations</TH>
          <TH className="text-right">Resolved</TH>
          <TH className="text-right">Escalated</TH>
          <TH className="text-right">Closed out</TH>
          <TH className="text-right">Resolution rate</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => {
          const { label, hint } = skillLabel(row);
          return (
            <tr key={`${row.key}:${row.workflowName ?? ""}`} data-testid="skill-row">
              <TD>
                <p className="font-medium text-slate-900">{label}</p>
                <p className="text-xs text-slate-500">{hint}</p>
              </TD>
              <TD className="text-right tabular-nums">{formatNumber(row.conversations)}</TD>
              <TD className="text-right tabular-nums">{row.key === "open" ? "—" : formatNumber(row.resolved)}</TD>
              <TD className="text-right tabular-nums">{row.key === "open" ? "—" : formatNumber(row.escalated)}</TD>
              <TD className="text-right tabular-nums">{row.key === "open" ? "—" : formatNumber(row.closedOut)}</TD>
              <TD className="text-right">{row.key === "open" ? "—" : <RateBar share={row.resolvedRate} />}</TD>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function RateBar({ share }: { share: number | null }) {
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <span className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-slate-100 sm:block" aria-hidden="true">
        <span className="block h-full rounded-full bg-resolved" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      </span>
      <span className="w-12 tabular-nums">{formatShare(share)}</span>
    </span>
  );
}

const campaignStatus: Record<string, { label: string; tone: "neutral" | "accent" | "resolved" | "failed" }> = {
  sending: { label: "Sending", tone: "accent" },
  sent: { label: "Sent", tone: "resolved" },
  scheduled: { label: "Scheduled", tone: "neutral" },
  cancelled: { label: "Cancelled", tone: "failed" },
  draft: { label: "Draft", tone: "neutral" },
};

/** What each campaign sent in the period brought back; an empty state when none went out. */
export function CampaignTable({ rows, currency, windowText }: { rows: CampaignRow[]; currency: string; windowText: string }) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<MegaphoneIcon className="size-5" />}
        title="No campaigns sent in this period"
        description="When you send a campaign, this table shows how many shoppers replied, the conversations those replies started and the revenue the agent earned from them."
        action={
          <Link href="/campaigns" className={buttonClasses({ variant: "secondary" })}>
            Go to Campaigns
          </Link>
        }
        className="py-8"
      />
    );
  }
  return (
    <Table label="Campaigns" className="shadow-none">
      <THead>
        <tr>
          <TH>Campaign</TH>
          <TH className="text-right">Sent</TH>
          <TH className="text-right" title={`Recipients who texted back within ${windowText}`}>
            Replies
          </TH>
          <TH className="text-right">Reply rate</TH>
          <TH className="text-right">Conversations</TH>
          <TH className="text-right">Revenue</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="campaign-row">
            <TD>
              <p className="font-medium text-slate-900">{row.name}</p>
              <Badge tone={campaignStatus[row.status]?.tone ?? "neutral"}>{campaignStatus[row.status]?.label ?? row.status}</Badge>
            </TD>
            <TD className="text-right tabular-nums">{formatNumber(row.sent)}</TD>
            <TD className="text-right tabular-nums">{formatNumber(row.replies)}</TD>
            <TD className="text-right tabular-nums">{formatShare(row.replyRate)}</TD>
            <TD className="text-right tabular-nums">
              {row.conversations ? (
                <Link href={`/conversations?campaign=${encodeURIComponent(row.id)}`} className="font-medium text-accent hover:underline">
                  {formatNumber(row.conversations)}
                </Link>
              ) : (
                "0"
              )}
            </TD>
            <TD className="text-right tabular-nums">
              {formatMoney(row.attributedRevenueCents, currency)}
              {row.attributedOrders ? <p className="text-xs text-slate-500">{`${formatNumber(row.attributedOrders)} ${row.attributedOrders === 1 ? "order" : "orders"}`}</p> : null}
            </TD>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
