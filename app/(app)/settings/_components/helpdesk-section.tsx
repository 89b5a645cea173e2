"use client";
import { CopyField } from "@/components/ui/copy-field";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatNumber } from "@/components/ui/format";
import { InboxIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PhoneNumber } from "@/components/ui/phone-number";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { FormSection } from "./form-section";
import { SaveBar } from "./save-bar";
import { useInvalidateSettingsHistory } from "./settings-history";
import { useSaveFeedback } from "./use-save-feedback";

type HelpdeskSettings = RouterOutputs["helpdesk"]["get"];
type Kind = HelpdeskSettings["kind"];
type ConnectorKind = Exclude<Kind, "none">;
type TestResult = RouterOutputs["helpdesk"]["sendTest"];
type Delivery = RouterOutputs["helpdesk"]["deliveries"]["rows"][number];

const KINDS: { value: Kind; label: string; help: string }[] = [
  { value: "none", label: "Built-in inbox only", help: "Handoffs wait in Conversations for your team. Nothing leaves Parley." },
  { value: "webhook", label: "Generic webhook", help: "Parley POSTs each handoff as signed JSON to your URL; any system can receive it." },
  { value: "kustomer", label: "Kustomer", help: "A Kustomer conversation for the shopper, in the queue you choose, with the agent tags." },
  { value: "front", label: "Front", help: "The texts in the shopper’s SMS thread in your Front inbox, with a comment for the team." },
  { value: "zendesk", label: "Zendesk", help: "A Zendesk ticket requested by the shopper, with the transcript." },
  { value: "gorgias", label: "Gorgias", help: "A Gorgias ticket for the shopper, with the transcript." },
];
const kindLabel = (kind: string) => KINDS.find((k) => k.value === kind)?.label ?? kind;

type FieldDef = { name: string; label: string; help: ReactNode; placeholder?: string; isSecret?: boolean; type?: string; defaultValue?: string };

// The server validates each of these and answers with the field's message.
const FIELDS: Record<ConnectorKind, FieldDef[]> = {
  webhook: [{ name: "url", label: "Webhook URL", help: "Parley POSTs each handoff here as JSON, signed with the secret below. Any 2xx answer counts as delivered.", placeholder: "https://support.example.com/parley/handoffs", type: "url" }],
  kustomer: [
    { name: "baseUrl", label: "API address", help: "Your organization’s API address, https://<your org>.api.kustomerapp.com.", placeholder: "https://acme.api.kustomerapp.com", type: "url" },
    { name: "queueId", label: "Queue id", help: "Handoffs are routed to this queue (Settings → Routing → Queues; the id is in the queue’s address). Leave empty to let Kustomer route them." },
    { name: "apiKey", label: "API key", help: "An API key with the customer, conversation, message and note roles (Settings → Security → API Keys).", isSecret: true },
  ],
  front: [
    { name: "baseUrl", label: "API address", help: "Front’s API, https://api2.frontapp.com, unless Front gave you another.", placeholder: "https://api2.frontapp.com", type: "url", defaultValue: "https://api2.frontapp.com" },
    { name: "inboxId", label: "Inbox id", help: "The inbox handoffs go to, e.g. inb_55c8c149 (Settings → Inboxes, or GET /inboxes).", placeholder: "inb_…" },
    { name: "aiTeammateId", label: "AI teammate id", help: "The teammate Parley’s texts appear from, e.g. tea_55c8c149. Parley unassigns it at handoff so a rep picks the conversation up. Optional.", placeholder: "tea_…" },
    { name: "apiToken", label: "API token", help: "A Front API token that can import messages and write conversations (Settings → Developers → API tokens).", isSecret: true },
    { name: "appSecret", label: "App signing secret", help: "Your Front app’s signing secret (Developers → your app → Basic information). Parley checks every reply Front sends with it.", isSecret: true },
  ],
  zendesk: [
    { name: "baseUrl", label: "Zendesk address", help: "Your Zendesk’s address, https://<subdomain>.zendesk.com.", placeholder: "https://acme.zendesk.com", type: "url" },
    { name: "email", label: "Agent email", help: "The email of the agent the API token belongs to; tickets are created as them.", placeholder: "support@acme.com", type: "email" },
    { name: "apiToken", label: "API token", help: "Admin Center → Apps and integrations → Zendesk API → API tokens.", isSecret: true },
  ],
  gorgias: [
    { name: "baseUrl", label: "Gorgias address", help: "Your helpdesk’s address, https://<domain>.gorgias.com.", placeholder: "https://acme.gorgias.com", type: "url" },
    { name: "email", label: "Account email", help: "The email you sign in to Gorgias with (the API username).", placeholder: "ops@acme.com", type: "email" },
    { name: "apiKey", label: "API key", help: "Settings → REST API in Gorgias.", isSecret: true },
  ],
};

type Values = { kind: Kind; config: Record<string, string>; secrets: Record<string, string> };
/** The saved values for the saved helpdesk; another helpdesk starts from its defaults. */
function valuesOf(saved: HelpdeskSettings, kind: Kind = saved.kind): Values {
  if (kind === saved.kind) return { kind, config: { ...saved.config }, secrets: {} };
  const defaults = kind === "none" ? [] : FIELDS[kind].filter((f) => f.defaultValue).map((f) => [f.name, f.defaultValue!]);
  return { kind, config: Object.fromEntries(defaults), secrets: {} };
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h3>;
}

/** Settings → Helpdesk: where handoffs go besides the built-in inbox, with a test, the secrets to share and the delivery log. */
export function HelpdeskSection() {
  const trpc = useTRPC();
  const helpdesk = useQuery(trpc.helpdesk.get.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      <FormSection
        id="helpdesk"
        needs="owner"
        title="Helpdesk"
        description="When the agent hands a conversation to people, it always waits in Conversations. Connect your helpdesk to also send it there, with the transcript, summary and sentiment; replies from the helpdesk reach the shopper as texts."
        query={helpdesk}
        loadingLabel="Loading helpdesk settings…"
        skeletonHeights={["h-9", "h-9", "h-9", "h-16"]}
      >
        {(saved) => <HelpdeskPanel saved={saved} />}
      </FormSection>
      <DeliveryLog />
    </div>
  );
}

function HelpdeskPanel({ saved: initial }: { saved: HelpdeskSettings }) {
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const isDirty =
    values.kind !== saved.kind ||
    Object.values(values.secrets).some((v) => v.trim() !== "") ||
    (values.kind !== "none" && FIELDS[values.kind].some((f) => !f.isSecret && (values.config[f.name] ?? "") !== (saved.config[f.name] ?? "")));

  return (
    <div className="flex flex-col gap-8">
      <HelpdeskForm
        saved={saved}
        values={values}
        isDirty={isDirty}
        onChange={setValues}
        onSaved={(result) => {
          setSaved(result);
          setValues(valuesOf(result));
        }}
      />
      {saved.kind !== "none" ? <TestHandoff kind={saved.kind} unsaved={isDirty && values.kind !== "none" ? values : null} /> : null}
      {saved.kind === "webhook" ? <SigningSecret masked={saved.secrets.signingSecret ?? null} /> : null}
      {saved.kind === "front" && saved.frontWebhookUrl ? (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-5" data-testid="helpdesk-front-webhook">
          <SubHeading>Replies from Front</SubHeading>
          <CopyField
            label="Front webhook URL"
            value={saved.frontWebhookUrl}
            help="In Front: Settings → Developers → your app → Webhooks. Paste this URL, subscribe to “Outbound message sent”, and save; Front checks it at once. Replies your reps send in a handed-off conversation then reach the shopper as texts."
          />
        </div>
      ) : null}
      <ApiKey last4={saved.apiKeyLast4} replyUrlTemplate={saved.replyUrlTemplate} onGenerated={(last4) => setSaved((s) => ({ ...s, apiKeyLast4: last4 }))} />
    </div>
  );
}

function HelpdeskForm({ saved, values, isDirty, onChange, onSaved }: { saved: HelpdeskSettings; values: Values; isDirty: boolean; onChange: (v: Values) => void; onSaved: (s: HelpdeskSettings) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const fields = values.kind === "none" ? [] : FIELDS[values.kind];
  const fieldIds = Object.fromEntries([["kind", `${id}-kind`], ...fields.map((f) => [f.name, `${id}-${f.name}`])]) as Record<string, string>;
  const feedback = useSaveFeedback({ what: "Helpdesk settings", formRef, fieldIds });

  const save = useMutation(
    trpc.helpdesk.update.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        onSaved(result);
        queryClient.setQueryData(trpc.helpdesk.get.queryKey(), result);
        feedback.onSaved(result.kind === "none" ? "Handoffs stay in the built-in inbox." : `Handoffs also go to ${kindLabel(result.kind)}. Send a test to check.`);
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate(values);
  }

  const kindHelp = KINDS.find((k) => k.value === values.kind)?.help;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Helpdesk connection">
      {saved.secretsProblem ? (
        <p className="rounded-md bg-escalated-soft px-3 py-2 text-sm text-escalated-ink" role="note">
          {saved.secretsProblem}
        </p>
      ) : null}
      <div data-testid="helpdesk-kind">
        <Select
          id={fieldIds.kind}
          label="Send handoffs to"
          help={`${kindHelp ?? ""} The built-in inbox always has every handoff too.`}
          error={feedback.errors.kind}
          value={values.kind}
          onChange={(event) => {
            const kind = event.target.value as Kind;
            onChange(valuesOf(saved, kind));
            feedback.clearError("kind");
          }}
          className="sm:max-w-xs"
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </div>

      {fields.map((field) => {
        const masked = values.kind === saved.kind ? saved.secrets[field.name] : undefined;
        return (
          <div key={`${values.kind}-${field.name}`} data-testid={`helpdesk-${field.name}`}>
            {field.isSecret ? (
              <Input
                id={fieldIds[field.name]}
                label={field.label}
                help={
                  <>
                    {field.help} {masked ? `Saved: ${masked}. Leave blank to keep it (a changed address needs it typed again).` : null} Stored encrypted; Parley never shows it again.
                  </>
                }
                error={feedback.errors[field.name]}
                value={values.secrets[field.name] ?? ""}
                onChange={(event) => {
                  onChange({ ...values, secrets: { ...values.secrets, [field.name]: event.target.value } });
                  feedback.clearError(field.name);
                }}
                type="password"
                placeholder={masked ? "Leave blank to keep the saved value" : ""}
                autoComplete="new-password"
                spellCheck={false}
                maxLength={2000}
                className="font-mono"
              />
            ) : (
              <Input
                id={fieldIds[field.name]}
                label={field.label}
                help={field.help}
                error={feedback.errors[field.name]}
                value={values.config[field.name] ?? ""}
                onChange={(event) => {
                  onChange({ ...values, config: { ...values.config, [field.name]: event.target.value } });
                  feedback.clearError(field.name);
                }}
                type={field.type ?? "text"}
                placeholder={field.placeholder}
                autoComplete="off"
                spellCheck={false}
                maxLength={2000}
                className={field.type === "email" ? undefined : "font-mono"}
              />
            )}
          </div>
        );
      })}

      <SaveBar label="Save helpdesk" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="helpdesk-error" />
    </form>
  );
}

/** Tests the saved settings, or the form's unsaved values when there are any (a changed address needs its secrets typed again). */
function TestHandoff({ kind: savedKind, unsaved }: { kind: ConnectorKind; unsaved: Values | null }) {
  const kind = unsaved && unsaved.kind !== "none" ? unsaved.kind : savedKind;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<TestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const send = useMutation(
    trpc.helpdesk.sendTest.mutationOptions({
      onMutate: () => {
        setResult(null);
        setFailure(null);
      },
      onSuccess: (r) => setResult(r),
      onError: (e) => setFailure(errorMessageOf(e)),
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.helpdesk.deliveries.pathKey() }),
    }),
  );

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-5" data-testid="helpdesk-test">
      <SubHeading>Send a test handoff</SubHeading>
      <p className="text-sm text-slate-600">
        Sends a sample handoff, from a made-up shopper and marked as a test, to {kindLabel(kind)} through {unsaved ? "the settings above, unsaved changes included" : "the saved settings"}. It
        appears in the delivery log below.
      </p>
      <div>
        <Button variant="secondary" isLoading={send.isPending} onClick={() => send.mutate(unsaved ?? undefined)}>
          {send.isPending ? "Sending…" : "Send a test handoff"}
        </Button>
      </div>
      <div aria-live="polite">
        {result ? (
          <div
            data-testid="helpdesk-test-result"
            data-outcome={result.outcome}
            role={result.outcome === "failed" ? "alert" : "status"}
            className={cn("rounded-md px-3 py-2 text-sm", result.outcome === "succeeded" ? "bg-resolved-soft text-resolved-ink" : "bg-failed-soft text-failed-ink")}
          >
            {result.outcome === "succeeded" ? (
              <p>
                <strong>Delivered</strong> to {kindLabel(result.connector)}
                {result.httpStatus ? ` (HTTP ${result.httpStatus})` : ""}
                {result.externalId ? `; it created ${result.externalId}` : ""}. Check that it arrived where your team works.
              </p>
            ) : (
              <p>
                <strong>Not delivered.</strong> {result.error}
              </p>
            )}
          </div>
        ) : null}
        {failure ? (
          <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {failure}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function SigningSecret({ masked }: { masked: string | null }) {
  const trpc = useTRPC();
  const invalidateHistory = useInvalidateSettingsHistory();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = useMutation(trpc.helpdesk.revealSigningSecret.mutationOptions({ onSuccess: (r) => setShown(r.signingSecret), onError: (e) => setError(errorMessageOf(e)) }));
  const rotate = useMutation(
    trpc.helpdesk.rotateSigningSecret.mutationOptions({
      onSuccess: (r) => {
        setShown(r.signingSecret);
        setIsConfirming(false);
        void invalidateHistory();
        void queryClient.invalidateQueries({ queryKey: trpc.helpdesk.get.queryKey() });
      },
      onError: (e) => setError(errorMessageOf(e)),
    }),
  );

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-5" data-testid="helpdesk-signing-secret">
      <SubHeading>Signing secret</SubHeading>
      <p className="text-sm text-slate-600">
        Every request carries <code className="font-mono text-xs">X-Parley-Signature: t=&lt;unix time&gt;,v1=&lt;hex&gt;</code>, an HMAC-SHA256 of <code className="font-mono text-xs">&lt;t&gt;.&lt;body&gt;</code> with
        this secret. Your receiver recomputes it and refuses requests older than five minutes; server/helpdesk/README.md in the Parley repository shows how.
      </p>
      {shown ? (
        <CopyField label="Signing secret" value={shown} help="Keep it on your server only." />
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-mono text-sm text-slate-700">{masked ?? "—"}</span>
          <Button variant="secondary" size="sm" isLoading={reveal.isPending} onClick={() => reveal.mutate()}>
            Show secret
          </Button>
        </div>
      )}
      <div>
        <Button variant="ghost" size="sm" onClick={() => setIsConfirming(true)}>
          Create a new secret
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Dialog
        open={isConfirming}
        onClose={() => setIsConfirming(false)}
        role="alertdialog"
        title="Create a new signing secret?"
        description="The current secret stops working at once: your receiver refuses Parley’s requests until you give it the new one. This can’t be undone."
      >
        <DialogActions>
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Keep the current secret
          </Button>
          <Button variant="danger" isLoading={rotate.isPending} onClick={() => rotate.mutate()}>
            Create a new secret
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}

function ApiKey({ last4, replyUrlTemplate, onGenerated }: { last4: string | null; replyUrlTemplate: string; onGenerated: (last4: string) => void }) {
  const trpc = useTRPC();
  const invalidateHistory = useInvalidateSettingsHistory();
  const [newKey, setNewKey] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generate = useMutation(
    trpc.helpdesk.generateApiKey.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: (r) => {
        setNewKey(r.apiKey);
        setIsConfirming(false);
        onGenerated(r.last4);
        void invalidateHistory();
      },
      onError: (e) => setError(errorMessageOf(e)),
    }),
  );

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-5" data-testid="helpdesk-api-key">
      <SubHeading>Replies through Parley’s API</SubHeading>
      <p className="text-sm text-slate-600">
        Your helpdesk (or any system) sends a rep’s reply to the shopper as a text with{" "}
        <code className="font-mono text-xs break-all">POST {replyUrlTemplate}</code>, the header <code className="font-mono text-xs">Authorization: Bearer &lt;API key&gt;</code> and
        a JSON body <code className="font-mono text-xs">{`{ "body": "…", "authorName": "Dana" }`}</code>. The conversation id is in every handoff.
      </p>
      {newKey ? (
        <div className="flex flex-col gap-2">
          <CopyField label="New API key" value={newKey} help="Copy it now: Parley stores only a fingerprint of it and won’t show it again." />
        </div>
      ) : (
        <p className="text-sm text-slate-700" data-testid="helpdesk-api-key-status">
          {last4 ? (
            <>
              API key: <span className="font-mono">prl_••••{last4}</span>
            </>
          ) : (
            "No API key yet."
          )}
        </p>
      )}
      <div>
        <Button variant="secondary" isLoading={generate.isPending && !isConfirming} onClick={() => (last4 ? setIsConfirming(true) : generate.mutate())}>
          {last4 ? "Replace API key" : "Generate API key"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Dialog
        open={isConfirming}
        onClose={() => setIsConfirming(false)}
        role="alertdialog"
        title="Replace the API key?"
        description="The current key stops working at once: replies sent with it are refused until your helpdesk uses the new one. This can’t be undone."
      >
        <DialogActions>
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Keep the current key
          </Button>
          <Button variant="danger" isLoading={generate.isPending} onClick={() => generate.mutate()}>
            Replace API key
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}

const OUTCOMES: Record<string, { tone: BadgeTone; label: string }> = {
  succeeded: { tone: "resolved", label: "Delivered" },
  failed: { tone: "escalated", label: "Attempt failed" },
  fell_back: { tone: "failed", label: "Kept in inbox" },
  test: { tone: "neutral", label: "Test" },
};

const PAGE_SIZE = 20;

/** Every delivery attempt, test and fallback, newest first: what went where, and what went wrong. */
function DeliveryLog() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  // Refreshed while open, so retries show up as they happen.
  const log = useQuery({ ...trpc.helpdesk.deliveries.queryOptions({ page, pageSize: PAGE_SIZE }), refetchInterval: 10_000 });
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="helpdesk-log-heading" className="flex flex-col gap-4">
      <div className="max-w-[720px]">
        <h2 id="helpdesk-log-heading" className="text-base font-semibold text-slate-900">
          Helpdesk delivery log
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Each attempt to deliver a handoff, with the helpdesk’s answer. Failed attempts are retried for about ten minutes; if they keep failing, the handoff stays in the
          built-in inbox and shows the error here.
        </p>
      </div>
      {log.isPending ? (
        <SkeletonRows rows={3} label="Loading the delivery log…" />
      ) : log.isError ? (
        <ErrorNotice message={errorMessageOf(log.error)} onRetry={() => void log.refetch()} />
      ) : log.data.rows.length === 0 ? (
        <EmptyState
          icon={<InboxIcon className="size-5" />}
          title="No deliveries yet"
          description="When a handoff is sent to your helpdesk, or you send a test, each attempt shows here with its result."
        />
      ) : (
        <>
          <Table label="Helpdesk delivery log">
            <THead>
              <tr>
                <TH>When</TH>
                <TH>Helpdesk</TH>
                <TH>Handoff</TH>
                <TH>Attempt</TH>
                <TH>Outcome</TH>
                <TH>HTTP status</TH>
                <TH>Details</TH>
              </tr>
            </THead>
            <TBody>
              {log.data.rows.map((row) => (
                <DeliveryRow key={row.id} row={row} />
              ))}
            </TBody>
          </Table>
          {pages > 1 ? (
            <nav aria-label="Delivery log pages" className="flex items-center gap-3 text-sm text-slate-600">
              <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                Newer
              </Button>
              <span>
                Page {formatNumber(page)} of {formatNumber(pages)}
              </span>
              <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                Older
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

function DeliveryRow({ row }: { row: Delivery }) {
  const outcome = OUTCOMES[row.outcome] ?? { tone: "neutral" as const, label: row.outcome };
  const shopper = row.ticket?.shopper;
  return (
    <TR data-testid="helpdesk-delivery" data-outcome={row.outcome}>
      <TD>
        <RelativeTime date={row.createdAt} />
      </TD>
      <TD className="whitespace-nowrap">{kindLabel(row.connector)}</TD>
      <TD>
        {row.ticket ? (
          <Link href={`/conversations/${row.ticket.conversationId}`} className="text-accent hover:underline">
            {shopper ? [shopper.firstName, shopper.lastName].filter(Boolean).join(" ") || <PhoneNumber value={shopper.phone} /> : "Conversation"}
          </Link>
        ) : (
          <span className="text-slate-500">Test</span>
        )}
      </TD>
      <TD>{row.outcome === "test" ? "—" : formatNumber(row.attempt)}</TD>
      <TD>
        <Badge tone={outcome.tone} withDot>
          {outcome.label}
        </Badge>
      </TD>
      <TD className="font-mono text-xs">{row.httpStatus ?? "—"}</TD>
      <TD className="max-w-md text-xs">
        {row.error ? <span className="text-failed-ink">{row.error}</span> : row.externalId ? <span className="text-slate-600">Created {row.externalId}</span> : <span className="text-slate-400">—</span>}
      </TD>
    </TR>
  );
}
