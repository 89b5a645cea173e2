"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC, type RouterOutputs, type SmsConsent } from "@/components/trpc";
import { ConsentBadge, consentLabel } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";
import { UsersIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CONSENT_VALUES, isSmsConsent } from "./consent-options";
import { formatPropertyValue, propertyEntries } from "./format-property";
import { useDebouncedValue } from "./use-debounced-value";

type ProfileRow = RouterOutputs["profiles"]["list"]["items"][number];

const PAGE_SIZE = 25;
const SHOWN_PROPERTIES = 3;

/**
 * Search, consent filter and pages. State is mirrored into the URL (?q=, ?consent=, ?page=) so a
 * reload, the back button from a profile, or a shared link shows the same list.
 */
export function ProfilesView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const trpc = useTRPC();
  const [search, setSearch] = useState(searchParams.get("q") ?? "");
  const [consent, setConsent] = useState<SmsConsent | undefined>(() => {
    const value = searchParams.get("consent");
    return isSmsConsent(value) ? value : undefined;
  });
  const [page, setPage] = useState(() => Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1));
  const debouncedSearch = useDebouncedValue(search.trim(), 250);

  const list = useQuery({
    ...trpc.profiles.list.queryOptions({ search: debouncedSearch || undefined, consent, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  function mirrorToUrl(next: { q: string; consent: SmsConsent | undefined; page: number }) {
    const params = new URLSearchParams(window.location.search);
    const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
    set("q", next.q.trim() || null);
    set("consent", next.consent ?? null);
    set("page", next.page > 1 ? String(next.page) : null);
    const query = params.toString();
    window.history.replaceState(null, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
  }

  function update(changes: { q?: string; consent?: SmsConsent | null; page?: number }) {
    const next = {
      q: changes.q ?? search,
      consent: changes.consent === undefined ? consent : (changes.consent ?? undefined),
      // A new search or filter starts again from the first page.
      page: changes.page ?? (changes.q !== undefined || changes.consent !== undefined ? 1 : page),
    };
    setSearch(next.q);
    setConsent(next.consent);
    setPage(next.page);
    mirrorToUrl(next);
  }

  const data = list.data;
  const isFiltered = debouncedSearch !== "" || consent !== undefined;
  const isPageOutOfRange = data !== undefined && data.items.length === 0 && data.total > 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <Input
          type="search"
          label="Search profiles"
          placeholder="Phone, name or email"
          fieldClassName="w-full sm:w-80"
          value={search}
          onChange={(e) => update({ q: e.target.value })}
        />
        <Select label="SMS consent" fieldClassName="w-56" value={consent ?? ""} onChange={(e) => update({ consent: isSmsConsent(e.target.value) ? e.target.value : null })}>
          <option value="">All</option>
          {CONSENT_VALUES.map((value) => (
            <option key={value} value={value}>
              {consentLabel(value)}
            </option>
          ))}
        </Select>
        {data && data.total > 0 && !isPageOutOfRange ? (
          <p className="ml-auto pb-2 text-sm text-slate-500" aria-live="polite" data-testid="profiles-count">
            Showing {formatNumber((data.page - 1) * data.pageSize + 1)}–{formatNumber((data.page - 1) * data.pageSize + data.items.length)} of{" "}
            {formatNumber(data.total)} {data.total === 1 ? "profile" : "profiles"}
          </p>
        ) : null}
      </div>

      {list.isError ? (
        <ErrorNotice message={errorMessageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <SkeletonRows rows={8} label="Loading profiles…" />
      ) : isPageOutOfRange ? (
        <EmptyState
          icon={<UsersIcon className="size-5" />}
          title="This page is empty"
          description="There are fewer profiles than this page number; the list may have changed."
          action={<Button onClick={() => update({ page: 1 })}>Go to the first page</Button>}
        />
      ) : data.items.length === 0 ? (
        isFiltered ? (
          <EmptyState
            icon={<UsersIcon className="size-5" />}
            title="No profiles match"
            description={
              debouncedSearch
                ? `No profile${consent ? ` that is ${consentLabel(consent).toLowerCase()}` : ""} has a phone, name or email matching “${debouncedSearch}”.`
                : `No profile is ${consentLabel(consent!).toLowerCase()} right now.`
            }
            action={
              <Button variant="secondary" onClick={() => update({ q: "", consent: null })}>
                Clear search and filter
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<UsersIcon className="size-5" />}
            title="No profiles yet"
            description="A profile is created when someone texts your brand, or when you import your subscribers from a CSV file."
            action={
              <Link href="/profiles/import" className={buttonClasses()}>
                Import profiles
              </Link>
            }
          />
        )
      ) : (
        <>
          <div className={cn("transition-opacity", list.isPlaceholderData && "opacity-60")} aria-busy={list.isPlaceholderData || undefined}>
            <Table label="Profiles">
              <THead>
                <tr>
                  <TH>Profile</TH>
                  <TH>Email</TH>
                  <TH>SMS consent</TH>
                  <TH className="w-full">Properties</TH>
                  <TH>Added</TH>
                </tr>
              </THead>
              <TBody>
                {data.items.map((row) => (
                  <ProfileTableRow key={row.id} row={row} onOpen={() => router.push(`/profiles/${row.id}`)} />
                ))}
              </TBody>
            </Table>
          </div>
          {data.pageCount > 1 ? (
            <nav className="flex items-center justify-between gap-3" aria-label="Pages">
              <Button variant="secondary" disabled={data.page <= 1} onClick={() => update({ page: data.page - 1 })}>
                Previous
              </Button>
              <p className="text-sm text-slate-500">
                Page {formatNumber(data.page)} of {formatNumber(data.pageCount)}
              </p>
              <Button variant="secondary" disabled={data.page >= data.pageCount} onClick={() => update({ page: data.page + 1 })}>
                Next
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

function ProfileTableRow({ row, onOpen }: { row: ProfileRow; onOpen: () => void }) {
  const name = shopperName(row);
  const properties = propertyEntries(row.properties);
  return (
    <TR isClickable onClick={onOpen} data-testid="profile-row">
      <TD className="whitespace-nowrap">
        <Link href={`/profiles/${row.id}`} className="font-medium text-slate-900 hover:text-accent" onClick={(e) => e.stopPropagation()}>
          {name ?? <PhoneNumber value={row.phone} />}
        </Link>
        {name ? (
          <p className="text-xs text-slate-500">
            <PhoneNumber value={row.phone} />
          </p>
        ) : (
          <p className="text-xs text-slate-400">No name yet</p>
        )}
      </TD>
      <TD className="whitespace-nowrap">{row.email ?? <span className="text-slate-400">—</span>}</TD>
      <TD>
        <ConsentBadge consent={row.smsConsent} />
      </TD>
      <TD className="max-w-0">
        {properties.length ? (
          <p className="truncate text-slate-600" title={properties.map(([k, v]) => `${k}: ${formatPropertyValue(v)}`).join("\n")}>
            {properties.slice(0, SHOWN_PROPERTIES).map(([key, value], i) => (
              <span key={key}>
                {i > 0 ? <span className="text-slate-300"> · </span> : null}
                <span className="text-slate-500">{key}:</span> {formatPropertyValue(value)}
              </span>
            ))}
            {properties.length > SHOWN_PROPERTIES ? <span className="text-slate-400"> · +{properties.length - SHOWN_PROPERTIES} more</span> : null}
          </p>
        ) : (
          <span className="text-slate-400">None</span>
        )}
      </TD>
      <TD className="text-slate-500">
        <RelativeTime date={row.createdAt} />
      </TD>
    </TR>
  );
}
