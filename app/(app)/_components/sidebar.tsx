"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import { ChartIcon, ChatIcon, MegaphoneIcon, PhoneIcon, SegmentsIcon, SettingsIcon, UsersIcon, WorkflowIcon } from "@/components/ui/icons";
import { SignOutButton } from "./sign-out-button";

type Overview = RouterOutputs["brand"]["current"];

const NAV: { href: string; label: string; icon: ReactNode; hasEscalationBadge?: boolean }[] = [
  { href: "/performance", label: "Performance", icon: <ChartIcon /> },
  { href: "/conversations", label: "Conversations", icon: <ChatIcon />, hasEscalationBadge: true },
  { href: "/campaigns", label: "Campaigns", icon: <MegaphoneIcon /> },
  { href: "/segments", label: "Segments", icon: <SegmentsIcon /> },
  { href: "/profiles", label: "Profiles", icon: <UsersIcon /> },
  { href: "/sms-workflows", label: "SMS Workflows", icon: <WorkflowIcon /> },
  { href: "/settings", label: "Settings", icon: <SettingsIcon /> },
  { href: "/simulator", label: "Simulator", icon: <PhoneIcon /> },
];

export function Sidebar({ initialOverview }: { initialOverview: Overview }) {
  const pathname = usePathname();
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.brand.current.queryOptions(), initialData: initialOverview, refetchInterval: 60_000 });
  const overview = data ?? initialOverview;
  // Conversations waiting for a person (escalated, not closed), polled so a new handoff shows within seconds.
  const awaiting = useQuery({ ...trpc.conversations.awaitingCount.queryOptions(), initialData: initialOverview.awaitingHuman, refetchInterval: 5_000 });
  const awaitingHuman = awaiting.data ?? overview.awaitingHuman;

  return (
    <aside className="flex shrink-0 flex-col border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-60 md:border-r md:border-b-0">
      <div className="px-4 pt-5 pb-4">
        <p className="text-xs font-medium text-slate-500">
          <span className="text-accent" aria-hidden="true">
            ●
          </span>{" "}
          Parley
        </p>
        <p className="mt-1 truncate text-sm font-semibold text-slate-900" data-testid="brand-name" title={overview.brand.name}>
          {overview.brand.name}
        </p>
      </div>

      <nav aria-label="Main" className="flex-1 overflow-y-auto px-2">
        <ul className="flex flex-row flex-wrap gap-0.5 md:flex-col">
          {NAV.map((item) => {
            const isActive = pathname === item.href || pathname.startsWith(`${item.href}/`);
            const badge = item.hasEscalationBadge && awaitingHuman > 0 ? awaitingHuman : null;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isActive ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
                    isActive ? "bg-accent-soft text-accent" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  <span className={cn(isActive ? "text-accent" : "text-slate-400")}>{item.icon}</span>
                  <span className="flex-1">{item.label}</span>
                  {badge !== null ? (
                    <span
                      className="rounded-full bg-escalated-soft px-1.5 text-xs font-semibold text-escalated-ink tabular-nums ring-1 ring-escalated/40 ring-inset"
                      title={`${formatNumber(badge)} ${badge === 1 ? "conversation is" : "conversations are"} waiting for a person (until a teammate replies or closes ${badge === 1 ? "it" : "them"})`}
                      data-testid="escalations-badge"
                    >
                      {formatNumber(badge)}
                      <span className="sr-only"> awaiting a person</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="border-t border-slate-200 px-4 py-4">
        <p className="truncate text-sm font-medium text-slate-900" data-testid="signed-in-user">
          {overview.user.name}
        </p>
        <p className="truncate text-xs text-slate-500">{overview.user.email}</p>
        <SignOutButton className="mt-3 w-full justify-start" />
      </div>
    </aside>
  );
}
