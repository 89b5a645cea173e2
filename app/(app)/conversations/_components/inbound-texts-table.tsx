"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatPhoneForHumans } from "@/server/sms";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { buttonClasses } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DispositionChip } from "@/components/ui/disposition-chip";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { plural } from "@/components/ui/format";
import { InboxIcon } from "@/components/ui/icons";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

const LIMIT = 100;

/** Every inbound text, newest first, with the reason the agent did or didn't answer it (noise and STOP included). */
export function InboundTextsTable({ isNotAnsweredOnly, onNotAnsweredOnlyChange }: { isNotAnsweredOnly: boolean; onNotAnsweredOnlyChange: (value: boolean) => void }) {
  const trpc = useTRPC();
  const texts = useQuery({
    ...trpc.conversations.inboundTexts.queryOptions({ answered: isNotAnsweredOnly ? false : undefined, limit: LIMIT }),
    refetchInterval: 10_000,
  });
  const rows = texts.data ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Checkbox label="Not answered only" checked={isNotAnsweredOnly} onChange={(e) => onNotAnsweredOnlyChange(e.target.checked)} />
        {texts.isSuccess && rows.length > 0 ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            {rows.length >= LIMIT ? `Latest ${plural(rows.length, "text")}` : plural(rows.length, "text")}
          </p>
        ) : null}
      </div>

      {texts.isPending ? (
        <SkeletonRows rows={6} label="Loading inbound texts…" />
      ) : texts.isError ? (
        <ErrorNotice message={errorMessageOf(texts.error)} onRetry={() => void texts.refetch()} />
      ) : rows.length === 0 ? (
        isNotAnsweredOnly ? (
          <EmptyState
            icon={<InboxIcon className="size-5" />}
            title="Every inbound text was answered"
            description="Texts the agent did not answer (opt-outs, auto-replies, reactions, unsubscribed numbers) would be listed here."
          />
        ) : (
          <EmptyState
            icon={<InboxIcon className="size-5" />}
            title="No inbound texts yet"
            description="Every text shoppers send your brand shows up here, with why the agent did or didn't answer it."
            action={
              <Link href="/simulator" className={buttonClasses()}>
                Open the Simulator
              </Link>
            }
          />
        )
      ) : (
        <Table label="Inbound texts">
          <THead>
            <tr>
              <TH className="w-2/5">Text</TH>
              <TH>Shopper</TH>
              <TH>Disposition</TH>
              <TH>Received</TH>
              <TH>
                <span className="sr-only">Conversation</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((text) => {
              const name = shopperName(text.profile);
              return (
                <TR key={text.id} data-testid="inbound-text-row">
                  <TD className="max-w-0">
                    <p className="line-clamp-2 break-words text-slate-900" title={text.body}>
                      {text.body}
                    </p>
                  </TD>
                  <TD className="whitespace-nowrap">
                    <PhoneNumber value={text.profile?.phone ?? text.fromNumber} />
                    <p className="text-xs text-slate-500">{name ?? (text.profile ? "No name yet" : "No profile")}</p>
                  </TD>
                  <TD>
                    <DispositionChip code={text.disposition} text={text.dispositionText} testId="disposition" />
                    <p className="mt-1 text-xs text-slate-500">{text.dispositionText}</p>
                  </TD>
                  <TD className="text-slate-500">
                    <RelativeTime date={text.createdAt} />
                  </TD>
                  <TD className="text-right whitespace-nowrap">
                    {text.conversationId ? (
                      <Link href={`/conversations/${text.conversationId}`} className="text-sm font-medium text-accent hover:underline">
                        Open conversation
                        <span className="sr-only"> with {formatPhoneForHumans(text.profile?.phone ?? text.fromNumber)}</span>
                      </Link>
                    ) : (
                      <span className="text-xs text-slate-400">No conversation</span>
                    )}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}
