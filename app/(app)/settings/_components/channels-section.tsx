"use client";
import { CopyField } from "@/components/ui/copy-field";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { PhoneNumber } from "@/components/ui/phone-number";
import { fieldErrorsOf } from "./form-helpers";
import { FormSection } from "./form-section";
import { useSaveFeedback } from "./use-save-feedback";
import { SaveBar } from "./save-bar";

type ChannelSettings = RouterOutputs["channels"]["get"];
type TestSmsResult = RouterOutputs["channels"]["sendTest"];
type Values = { smsNumber: string; accountSid: string; authToken: string };
const FIELDS = ["smsNumber", "accountSid", "authToken"] as const;

/** The brand's sending number and Twilio account, the webhook URLs to paste into Twilio, and a test text. */
export function ChannelsSection() {
  const trpc = useTRPC();
  const channels = useQuery(trpc.channels.get.queryOptions());

  return (
    <FormSection
      id="channels"
      needs="owner"
      title="Channels"
      description="The number Parley texts from and the Twilio account it sends through. Without Twilio credentials, texts go to the built-in simulator."
      query={channels}
      loadingLabel="Loading channel settings…"
      skeletonHeights={["h-9", "h-9", "h-9", "h-16"]}
    >
      {(saved) => <ChannelsForm saved={saved} />}
    </FormSection>
  );
}

function SubHeading({ children }: { children: string }) {
  return <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h3>;
}

function ChannelsForm({ saved: initial }: { saved: ChannelSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<Values>({ smsNumber: initial.smsNumber, accountSid: initial.accountSid, authToken: "" });
  const fieldIds = Object.fromEntries(FIELDS.map((key) => [key, `${id}-${key}`])) as Record<(typeof FIELDS)[number], string>;
  const feedback = useSaveFeedback({ what: "Channel settings", formRef, fieldIds });
  const { errors } = feedback;

  const isDirty = values.smsNumber !== saved.smsNumber || values.accountSid !== saved.accountSid || values.authToken !== "";

  const save = useMutation(
    trpc.channels.update.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        setSaved(result);
        setValues({ smsNumber: result.smsNumber, accountSid: result.accountSid, authToken: "" });
        queryClient.setQueryData(trpc.channels.get.queryKey(), result);
        // The app shell shows the number and whether texts go through Twilio.
        void queryClient.invalidateQueries({ queryKey: trpc.brand.current.queryKey() });
        feedback.onSaved(result.transport === "twilio" ? "Texts go through Twilio." : "Texts go to the built-in simulator.");
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(values);
  }

  function setValue(key: keyof Values, value: string) {
    setValues((all) => ({ ...all, [key]: value }));
    feedback.clearError(key);
  }

  return (
    <div className="flex flex-col gap-8">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Sending number and Twilio credentials">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="channels-transport">
          {saved.transport === "twilio" ? (
            <>
              <Badge tone="resolved" withDot>
                Twilio
              </Badge>
              Texts go through your Twilio account.
            </>
          ) : (
            <>
              <Badge tone="neutral" withDot>
                Simulator
              </Badge>
              No real texts are sent: replies appear in the Simulator. Add your Twilio credentials to go live.
            </>
          )}
        </div>

        <div data-testid="channels-smsNumber">
          <Input
            id={fieldIds.smsNumber}
            label="SMS number"
            help="Your Twilio phone number, with the country code (e.g. +1 555 555 0100). Shoppers text it; Parley finds your brand by it."
            error={errors.smsNumber}
            value={values.smsNumber}
            onChange={(event) => setValue("smsNumber", event.target.value)}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={40}
            className="sm:max-w-xs"
          />
        </div>
        <div data-testid="channels-accountSid">
          <Input
            id={fieldIds.accountSid}
            label="Account SID"
            help="Starts with AC; in the Account Info box on your Twilio Console’s home page. Leave it empty to use the built-in simulator."
            error={errors.accountSid}
            value={values.accountSid}
            onChange={(event) => setValue("accountSid", event.target.value)}
            placeholder="AC…"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            className="font-mono"
          />
        </div>
        <div data-testid="channels-authToken">
          <Input
            id={fieldIds.authToken}
            label="Auth token"
            help={
              saved.authTokenMasked
                ? `Saved: ${saved.authTokenMasked}. Leave blank to keep the saved token. Stored encrypted; Parley never shows it again.`
                : "Next to the Account SID (click “Show”). Stored encrypted; Parley never shows it again."
            }
            error={errors.authToken ?? undefined}
            value={values.authToken}
            onChange={(event) => setValue("authToken", event.target.value)}
            type="password"
            placeholder={saved.authTokenMasked ? "Leave blank to keep the saved token" : ""}
            autoComplete="new-password"
            spellCheck={false}
            maxLength={200}
            className="font-mono"
          />
          {saved.authTokenProblem && !errors.authToken ? (
            <p className="mt-1.5 text-sm text-amber-800" role="note">
              {saved.authTokenProblem}
            </p>
          ) : null}
        </div>

        <SaveBar label="Save channel settings" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="channels-error" />
      </form>

      <Webhooks webhooks={saved.webhooks} />
      <TestSms isDirty={isDirty} />
    </div>
  );
}

function Webhooks({ webhooks }: { webhooks: ChannelSettings["webhooks"] }) {
  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-5" data-testid="channels-webhooks">
      <SubHeading>Webhooks</SubHeading>
      <CopyField
        noun="URL"
        testId="webhook-url"
        label="Incoming messages"
        value={webhooks.inbound}
        help={
          <>
            In the Twilio Console: Phone Numbers → Manage → Active numbers → your number → Messaging configuration. Paste it into “A message comes in”,
            set to Webhook and HTTP POST.
          </>
        }
      />
      <CopyField
        noun="URL"
        testId="webhook-url"
        label="Delivery status"
        value={webhooks.status}
        help={
          <>
            Parley asks Twilio for delivery updates on every text it sends. If your number belongs to a Messaging Service, also paste it into the
            service’s Integration → “Delivery Status Callback”.
          </>
        }
      />
    </div>
  );
}

function TestSms({ isDirty }: { isDirty: boolean }) {
  const trpc = useTRPC();
  const id = useId();
  const inputId = `${id}-to`;
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<TestSmsResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const send = useMutation(
    trpc.channels.sendTest.mutationOptions({
      onMutate: () => {
        setError(undefined);
        setResult(null);
        setFailure(null);
      },
      onSuccess: (r) => setResult(r),
      onError: (e) => {
        const fields = fieldErrorsOf(e);
        if (fields.to) {
          setError(fields.to);
          requestAnimationFrame(() => inputRef.current?.focus());
        } else setFailure(errorMessageOf(e));
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!send.isPending) send.mutate({ to });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 border-t border-slate-200 pt-5" aria-label="Send a test text" data-testid="channels-test-sms">
      <SubHeading>Send a test text</SubHeading>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <Input
          ref={inputRef}
          id={inputId}
          label="Phone to text"
          help={
            isDirty
              ? "Uses the saved settings above: save your changes first to test them."
              : "Your own mobile, for example. Parley never texts a number that unsubscribed from your brand."
          }
          error={error}
          value={to}
          onChange={(event) => {
            setTo(event.target.value);
            if (error) setError(undefined);
          }}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="+1 555 555 0100"
          maxLength={40}
          fieldClassName="sm:w-72"
        />
        <Button type="submit" variant="secondary" isLoading={send.isPending} className="sm:mt-7">
          {send.isPending ? "Sending…" : "Send test"}
        </Button>
      </div>
      <div aria-live="polite">
        {result ? <TestSmsOutcome result={result} /> : null}
        {failure ? (
          <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {failure}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function TestSmsOutcome({ result }: { result: TestSmsResult }) {
  const box = (tone: "ok" | "warn" | "bad", children: ReactNode) => (
    <div
      data-testid="test-sms-result"
      data-outcome={result.outcome}
      role={tone === "bad" ? "alert" : "status"}
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        tone === "ok" && "bg-resolved-soft text-resolved-ink",
        tone === "warn" && "bg-escalated-soft text-escalated-ink",
        tone === "bad" && "bg-failed-soft text-failed-ink",
      )}
    >
      {children}
    </div>
  );
  switch (result.outcome) {
    case "sent":
      return box(
        "ok",
        result.transport === "twilio" ? (
          <p>
            <strong>Sent</strong> to <PhoneNumber value={result.to} /> through Twilio. It should arrive within a minute.
          </p>
        ) : (
          <p>
            <strong>Sent</strong> to <PhoneNumber value={result.to} /> through the built-in simulator: no real text left Parley. Save your Twilio credentials above to send
            real texts.
          </p>
        ),
      );
    case "failed":
      return box(
        "bad",
        <>
          <p>
            <strong>Not sent.</strong> {result.errorMessage}
          </p>
          <p className="mt-1">{result.hint}</p>
        </>,
      );
    case "pending":
      return box(
        "warn",
        <>
          <p>
            <strong>Not sent yet.</strong> {result.errorMessage ?? ""}
          </p>
          <p className="mt-1">{result.hint}</p>
        </>,
      );
  }
}
