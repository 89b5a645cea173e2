"use client";
/**
 * Compose a campaign: name, audience, message (personalisation, conversation starter, link), and
 * when it goes. The side panel keeps the recipient count, cost and a per-shopper preview current.
 * "Save draft" keeps it for later; "Review and send" saves, then asks for confirmation with the
 * numbers before anything is sent.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { PageHeader } from "@/components/page-header";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { controlClasses, describedBy, Field, invalidClasses } from "@/components/ui/field";
import { formatDateTime, plural } from "@/components/ui/format";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { SegmentCounter } from "@/components/ui/segment-counter";
import { useTimeZone } from "@/components/ui/time-zone";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/components/ui/cn";
import { composeCampaignText, STOP_FOOTER } from "@/server/campaigns/compose-campaign-text";
import { MAX_CAMPAIGN_NAME, validateCampaignFields, type CampaignFields } from "@/server/campaigns/validate-campaign";
import { dateToWallTime, wallTimeToDate } from "@/server/campaigns/zoned-time";
import { AudiencePicker } from "./audience-picker";
import { FIRST_NAME_TAG, formatCents, formatSendDuration, insertAt } from "./campaign-words";
import { EstimatePanel, useCampaignEstimate, type Estimate } from "./estimate-panel";

type Campaign = RouterOutputs["campaigns"]["get"];
type Draft = { name: string; body: string; linkUrl: string; segmentIds: string[]; excludedSegmentIds: string[] };
type SendMode = "now" | "later";
type FieldKey = keyof Draft | "scheduledAt";

const emptyDraft: Draft = { name: "", body: "", linkUrl: "", segmentIds: [], excludedSegmentIds: [] };

function draftOf(campaign: Campaign): Draft {
  return { name: campaign.name, body: campaign.body, linkUrl: campaign.linkUrl ?? "", segmentIds: campaign.segmentIds, excludedSegmentIds: campaign.excludedSegmentIds };
}

function fieldsOf(draft: Draft): CampaignFields {
  return { name: draft.name, body: draft.body, linkUrl: draft.linkUrl.trim() || null, segmentIds: draft.segmentIds, excludedSegmentIds: draft.excludedSegmentIds };
}

function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  if (!fields || typeof fields !== "object") return {};
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** Tomorrow at 10:00 in the brand's zone: a sensible first suggestion for "later". */
function defaultScheduleWall(timeZone: string): string {
  return `${dateToWallTime(new Date(Date.now() + 86_400_000), timeZone).slice(0, 10)}T10:00`;
}

export function BackToCampaigns() {
  return (
    <Link href="/campaigns" className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <ArrowLeftIcon />
      Campaigns
    </Link>
  );
}

export function CampaignEditor({ campaign }: { campaign?: Campaign }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const timeZone = useTimeZone() ?? "America/New_York";
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const domId = (key: FieldKey) => `${formId}-${key}`;

  const brand = useQuery({ ...trpc.brand.current.queryOptions(), staleTime: 60_000 });
  const marketing = useQuery({ ...trpc.settings.marketing.queryOptions(), staleTime: 60_000 });
  const quietHours = useQuery({ ...trpc.settings.quietHours.queryOptions(), staleTime: 60_000 });
  const brandName = brand.data?.brand.name ?? "";

  const [campaignId, setCampaignId] = useState<string | null>(campaign?.id ?? null);
  const [draft, setDraft] = useState<Draft>(campaign ? draftOf(campaign) : emptyDraft);
  const [savedJson, setSavedJson] = useState(campaign ? JSON.stringify(draftOf(campaign)) : null);
  const [sendMode, setSendMode] = useState<SendMode>(campaign?.scheduledAt ? "later" : "now");
  const [scheduleWall, setScheduleWall] = useState(() => (campaign?.scheduledAt ? dateToWallTime(new Date(campaign.scheduledAt), timeZone) : defaultScheduleWall(timeZone)));
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ at: Date | null } | null>(null);
  const [caret, setCaret] = useState<number | null>(null);

  const estimate = useCampaignEstimate({ segmentIds: draft.segmentIds, excludedSegmentIds: draft.excludedSegmentIds, body: draft.body, linkUrl: draft.linkUrl });
  const isDirty = savedJson === null ? JSON.stringify(draft) !== JSON.stringify(emptyDraft) : JSON.stringify(draft) !== savedJson;

  // The full text with every fallback, link and opt-out line: what the counter measures.
  const fallbackText = useMemo(() => (draft.body.trim() ? composeCampaignText({ body: draft.body, linkUrl: draft.linkUrl }, { brand_name: brandName }) : ""), [draft.body, draft.linkUrl, brandName]);

  useEffect(() => {
    if (caret === null || !bodyRef.current) return;
    bodyRef.current.focus();
    bodyRef.current.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret]);

  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [isDirty]);

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _drop, ...rest }) => rest);
  }

  function insertIntoBody(snippet: string) {
    const el = bodyRef.current;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? start;
    const next = insertAt(draft.body, snippet, start, end);
    set("body", next.text);
    setCaret(next.caret);
  }

  function fail(next: Partial<Record<FieldKey, string>>, message: string) {
    setErrors(next);
    setSummary(message);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function failFromServer(error: unknown, what: string) {
    const fields = fieldErrorsOf(error);
    const count = Object.keys(fields).length;
    if (count > 0) fail(fields, `${what} ${count === 1 ? "Fix the field marked below." : `Fix the ${count} fields marked below.`}`);
    else fail({}, `${what} ${errorMessageOf(error)}`);
  }

  const create = useMutation(trpc.campaigns.create.mutationOptions());
  const update = useMutation(trpc.campaigns.update.mutationOptions());
  const send = useMutation(trpc.campaigns.send.mutationOptions());
  const schedule = useMutation(trpc.campaigns.schedule.mutationOptions());
  const isSaving = create.isPending || update.isPending;

  /** Saves the draft; returns its id, or null when it couldn't (errors are on the form). */
  async function save(isSending: boolean): Promise<string | null> {
    const local = validateCampaignFields(fieldsOf(draft), { isSending, brandName });
    const extra: Partial<Record<FieldKey, string>> = {};
    if (isSending && sendMode === "later") {
      const at = wallTimeToDate(scheduleWall, timeZone);
      if (!at) extra.scheduledAt = "Choose a date and time.";
      else if (at.getTime() < Date.now() + 60_000) extra.scheduledAt = "Choose a time at least a minute from now, or send it now.";
    }
    const all = { ...local, ...extra };
    if (Object.keys(all).length) {
      const n = Object.keys(all).length;
      fail(all, `${isSending ? "Not sent." : "Not saved."} ${n === 1 ? "Fix the field marked below." : `Fix the ${n} fields marked below.`}`);
      return null;
    }
    const fields = fieldsOf(draft);
    try {
      const saved = campaignId ? await update.mutateAsync({ id: campaignId, ...fields }) : await create.mutateAsync(fields);
      setCampaignId(saved.id);
      setSavedJson(JSON.stringify(draft));
      setErrors({});
      setSummary(null);
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey({ id: saved.id }) });
      return saved.id;
    } catch (error) {
      failFromServer(error, "Not saved.");
      return null;
    }
  }

  async function onSaveDraft(event?: FormEvent) {
    event?.preventDefault();
    if (isSaving) return;
    const wasNew = !campaignId;
    const id = await save(false);
    if (!id) return;
    toast({ tone: "success", title: "Draft saved", description: draft.name.trim() });
    if (wasNew) router.replace(`/campaigns/${id}`);
  }

  async function onReview() {
    if (isSaving) return;
    const id = await save(true);
    if (!id) return;
    setConfirming({ at: sendMode === "later" ? wallTimeToDate(scheduleWall, timeZone) : null });
  }

  async function onConfirm() {
    if (!campaignId || !confirming) return;
    try {
      const result = confirming.at ? await schedule.mutateAsync({ id: campaignId, at: confirming.at }) : await send.mutateAsync({ id: campaignId });
      setConfirming(null);
      setSavedJson(JSON.stringify(draft));
      toast({ tone: "success", title: confirming.at ? "Campaign scheduled" : "Campaign on its way", description: result.name });
      await queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey({ id: campaignId }) });
      router.push(`/campaigns/${campaignId}`);
    } catch (error) {
      setConfirming(null);
      failFromServer(error, confirming.at ? "Not scheduled." : "Not sent.");
    }
  }

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    // Enter in a one-line field doesn't save by accident; use the buttons or Ctrl/Cmd+Enter.
    if (event.target instanceof HTMLInputElement && event.target.type !== "checkbox" && event.target.type !== "radio") event.preventDefault();
  }

  const bodyHelpId = `${domId("body")}-syntax`;
  const starter = marketing.data?.conversationStarter;

  return (
    <>
      <PageHeader
        title={campaign ? campaign.name || "Campaign" : "New campaign"}
        description="Write one text for a segment of your subscribers. The customer agent answers every reply."
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,720px)_20rem]">
        <form
          ref={formRef}
          onSubmit={onSaveDraft}
          onKeyDown={onFormKeyDown}
          noValidate
          aria-label={campaign ? `Edit campaign ${campaign.name}` : "New campaign"}
          className="flex min-w-0 flex-col gap-6"
          data-testid="campaign-form"
        >
          <Card>
            <CardHeader title="Name" description="Only your team sees it." />
            <CardBody className="py-4">
              <Input
                id={domId("name")}
                label="Campaign name"
                value={draft.name}
                maxLength={MAX_CAMPAIGN_NAME}
                error={errors.name}
                placeholder="Winter sale — VIPs"
                autoComplete="off"
                onChange={(e) => set("name", e.target.value)}
                data-testid="campaign-name"
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Audience" description="Only shoppers subscribed to SMS receive campaigns; everyone else in these segments is skipped." />
            <CardBody className="py-4">
              <AudiencePicker
                idBase={formId}
                segmentIds={draft.segmentIds}
                excludedSegmentIds={draft.excludedSegmentIds}
                errors={errors}
                onChange={(next) => {
                  setDraft((d) => ({ ...d, ...next }));
                  setErrors(({ segmentIds: _a, excludedSegmentIds: _b, ...rest }) => rest);
                }}
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Message" description="One text per shopper. Shorter texts cost less: every 160 characters (70 with emoji) is another billed segment." />
            <CardBody className="flex flex-col gap-4 py-4">
              <Field id={domId("body")} label="Message" error={errors.body}>
                <div className="flex flex-wrap gap-2" role="group" aria-label="Insert into the message">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => starter && insertIntoBody(starter)}
                    disabled={!starter}
                    title={starter ? `Adds: ${starter}` : undefined}
                    data-testid="insert-conversation-starter"
                  >
                    Insert conversation starter
                  </Button>
                  <Button variant="secondary" size="sm" onClick={() => insertIntoBody(FIRST_NAME_TAG)} data-testid="insert-first-name">
                    Insert first name
                  </Button>
                </div>
                <textarea
                  ref={bodyRef}
                  id={domId("body")}
                  value={draft.body}
                  rows={5}
                  aria-invalid={errors.body ? true : undefined}
                  aria-describedby={describedBy(domId("body"), { error: errors.body }, `${bodyHelpId} ${domId("body")}-segments`)}
                  placeholder={'Hi {{ first_name | default: "there" }}, our winter sale starts today: 20% off jackets.'}
                  className={cn(controlClasses, "min-h-28 resize-y", errors.body ? invalidClasses : false)}
                  onChange={(e) => set("body", e.target.value)}
                  data-testid="campaign-body"
                />
                <div id={bodyHelpId} className="flex flex-col gap-1 text-xs text-slate-500">
                  <p>
                    Personalise with <code className="rounded bg-slate-100 px-1 text-slate-700">{FIRST_NAME_TAG}</code>: shoppers with no first name on file see “there”. Also{" "}
                    <code className="rounded bg-slate-100 px-1 text-slate-700">{"{{ last_name }}"}</code> and <code className="rounded bg-slate-100 px-1 text-slate-700">{"{{ brand_name }}"}</code>; a tag without{" "}
                    <code className="rounded bg-slate-100 px-1 text-slate-700">| default: &quot;…&quot;</code> is left out when the value is missing.
                  </p>
                  <p>
                    Parley adds “{STOP_FOOTER}” on its own line unless your message already says STOP (in capitals), as carriers require. The conversation starter comes from Settings → Marketing.
                  </p>
                </div>
                <div id={`${domId("body")}-segments`} className="flex flex-wrap items-baseline gap-x-1">
                  <span className="text-xs text-slate-500">Full text with {draft.linkUrl.trim() ? "the link and " : ""}the opt-out line:</span>
                  <SegmentCounter text={fallbackText} className="inline" />
                </div>
              </Field>
              <Input
                id={domId("linkUrl")}
                label="Link (optional)"
                type="url"
                inputMode="url"
                value={draft.linkUrl}
                error={errors.linkUrl}
                placeholder="https://yourstore.com/sale"
                help="Added on its own line after the message."
                onChange={(e) => set("linkUrl", e.target.value)}
                data-testid="campaign-link"
              />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="When" description={quietHoursNote(quietHours.data)} />
            <CardBody className="flex flex-col gap-4 py-4">
              <RadioGroup<SendMode>
                legend="Send"
                name={`${formId}-when`}
                value={sendMode}
                onChange={(v) => {
                  setSendMode(v);
                  setErrors(({ scheduledAt: _s, ...rest }) => rest);
                }}
                options={[
                  { value: "now", label: "Now", help: "Starts as soon as you confirm." },
                  { value: "later", label: "At a date and time", help: `In the brand’s time zone (${timeZone}).` },
                ]}
              />
              {sendMode === "later" ? (
                <Input
                  id={domId("scheduledAt")}
                  label="Date and time"
                  type="datetime-local"
                  value={scheduleWall}
                  error={errors.scheduledAt}
                  help={`${timeZone} time.`}
                  onChange={(e) => {
                    setScheduleWall(e.target.value);
                    setErrors(({ scheduledAt: _s, ...rest }) => rest);
                  }}
                  className="max-w-64"
                  data-testid="campaign-schedule-at"
                />
              ) : null}
            </CardBody>
          </Card>

          <div className="flex flex-col gap-3">
            {summary ? (
              <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid="campaign-form-summary">
                {summary}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-3">
              <Button onClick={() => void onReview()} isLoading={isSaving && !confirming} data-testid="campaign-review">
                {sendMode === "later" ? "Review and schedule" : "Review and send"}
              </Button>
              <Button type="submit" variant="secondary" isLoading={isSaving} data-testid="campaign-save-draft">
                Save draft
              </Button>
              <span className="text-sm text-slate-500" aria-live="polite" data-testid="campaign-dirty">
                {!campaignId ? "Not saved yet" : isDirty ? "Unsaved changes" : "Draft saved"}
              </span>
              {campaignId ? (
                <div className="ml-auto">
                  <DeleteDraftButton id={campaignId} name={draft.name.trim() || "this draft"} />
                </div>
              ) : null}
            </div>
          </div>
        </form>

        <aside aria-label="Recipients, cost and preview" className="lg:sticky lg:top-6">
          <EstimatePanel state={estimate} body={draft.body} linkUrl={draft.linkUrl} brandName={brandName} />
        </aside>
      </div>

      <ConfirmSendDialog
        open={confirming !== null}
        at={confirming?.at ?? null}
        name={draft.name.trim()}
        estimate={estimate.estimate}
        quietHours={quietHours.data}
        timeZone={timeZone}
        isSending={send.isPending || schedule.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void onConfirm()}
      />
    </>
  );
}

type QuietHours = RouterOutputs["settings"]["quietHours"];

function hour(h: number): string {
  const n = h % 12 === 0 ? 12 : h % 12;
  return `${n}${h < 12 ? "am" : "pm"}`;
}

function quietHoursNote(q: QuietHours | undefined): string {
  if (!q) return "Send now or schedule it.";
  if (!q.enabled) return "Quiet hours are off (Settings → Compliance): texts go out whatever the time where shoppers live.";
  return `Shoppers get it between ${hour(q.start)} and ${hour(q.end)} their time (from their area code); anyone in quiet hours gets it when their morning comes.`;
}

function ConfirmSendDialog({
  open,
  at,
  name,
  estimate,
  quietHours,
  timeZone,
  isSending,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  at: Date | null;
  name: string;
  estimate: Estimate | null;
  quietHours: QuietHours | undefined;
  timeZone: string;
  isSending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const who = estimate ? plural(estimate.recipients, "subscribed shopper") : "the audience";
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      role="alertdialog"
      title={at ? `Schedule “${name}”?` : `Send “${name}” now?`}
      description={at ? `It goes to ${who} on ${formatDateTime(at, timeZone)} (${timeZone}). You can move it back to draft until then.` : `It goes to ${who}. Texts can’t be recalled once sent.`}
      testId="campaign-confirm"
    >
      {estimate ? (
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-slate-700">
          <li>
            {estimate.isExact ? "" : "About "}
            {plural(estimate.totalSegments, "SMS segment")}, about {formatCents(estimate.costCents)}.
          </li>
          <li>Sending takes {formatSendDuration(estimate.durationMs)} at {plural(estimate.messagesPerSecond, "text")} a second.</li>
          {quietHours?.enabled ? <li>Shoppers in quiet hours ({hour(quietHours.end)}–{hour(quietHours.start)} their time) get it when sending hours start.</li> : null}
          {estimate.notSubscribed > 0 ? <li>{plural(estimate.notSubscribed, "shopper")} in these segments {estimate.notSubscribed === 1 ? "isn’t" : "aren’t"} subscribed and will be skipped.</li> : null}
        </ul>
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel}>
          Back to editing
        </Button>
        <Button onClick={onConfirm} isLoading={isSending} data-autofocus data-testid="campaign-confirm-send">
          {at ? "Schedule campaign" : "Send now"}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function DeleteDraftButton({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.campaigns.delete.mutationOptions({
      onSuccess: () => {
        setIsOpen(false);
        toast({ tone: "success", title: "Draft deleted", description: name });
        void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
        router.push("/campaigns");
      },
      onError: (e) => setError(errorMessageOf(e)),
    }),
  );
  return (
    <>
      <Button variant="ghost" onClick={() => setIsOpen(true)} data-testid="campaign-delete">
        Delete draft
      </Button>
      <Dialog
        open={isOpen}
        onClose={() => setIsOpen(false)}
        role="alertdialog"
        title={`Delete “${name}”?`}
        description="The draft is removed for everyone on your team. This can’t be undone."
      >
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <DialogActions>
          <Button variant="secondary" onClick={() => setIsOpen(false)}>
            Keep it
          </Button>
          <Button variant="danger" onClick={() => remove.mutate({ id })} isLoading={remove.isPending} data-autofocus>
            Delete draft
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
