import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "accent" | "automating" | "resolved" | "escalated" | "closed_out" | "failed" | "closed";

// The status colours are the same everywhere Parley shows a status (see app/globals.css).
const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-500/20", dot: "bg-slate-400" },
  accent: { badge: "bg-accent-soft text-accent ring-accent/20", dot: "bg-accent" },
  automating: { badge: "bg-automating-soft text-automating-ink ring-automating/25", dot: "bg-automating" },
  resolved: { badge: "bg-resolved-soft text-resolved-ink ring-resolved/25", dot: "bg-resolved" },
  escalated: { badge: "bg-escalated-soft text-escalated-ink ring-escalated/40", dot: "bg-escalated" },
  closed_out: { badge: "bg-closed-out-soft text-closed-out-ink ring-closed-out/25", dot: "bg-closed-out" },
  failed: { badge: "bg-failed-soft text-failed-ink ring-failed/25", dot: "bg-failed" },
  // Closed by a teammate: done, quieter than resolved.
  closed: { badge: "bg-slate-100 text-slate-600 ring-slate-400/25", dot: "bg-slate-400" },
};

export function Badge({ tone = "neutral", withDot = false, className, children }: { tone?: BadgeTone; withDot?: boolean; className?: string; children: ReactNode }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone].badge,
        className,
      )}
    >
      {withDot ? <span className={cn("size-1.5 rounded-full", tones[tone].dot)} aria-hidden="true" /> : null}
      {children}
    </span>
  );
}

export type ConversationStatusValue = "automating" | "resolved" | "escalated" | "closed_out" | "failed" | "closed";

export const conversationStatusLabel: Record<ConversationStatusValue, string> = {
  automating: "Automating",
  resolved: "Resolved",
  escalated: "Escalated",
  closed_out: "Closed out",
  failed: "Failed",
  closed: "Closed",
};

export function StatusBadge({ status }: { status: ConversationStatusValue }) {
  return (
    <Badge tone={status} withDot>
      {conversationStatusLabel[status]}
    </Badge>
  );
}

export type SmsConsentValue = "subscribed" | "unsubscribed" | "never_subscribed";

const consent: Record<SmsConsentValue, { tone: BadgeTone; label: string }> = {
  subscribed: { tone: "resolved", label: "Subscribed" },
  unsubscribed: { tone: "failed", label: "Unsubscribed" },
  never_subscribed: { tone: "neutral", label: "Never subscribed" },
};

export function consentLabel(value: SmsConsentValue): string {
  return consent[value].label;
}

export function ConsentBadge({ consent: value }: { consent: SmsConsentValue }) {
  return <Badge tone={consent[value].tone}>{consent[value].label}</Badge>;
}
