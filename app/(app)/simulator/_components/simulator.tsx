"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { formatPhoneForHumans, normalizePhone } from "@/server/sms";
import { shopperName } from "@/components/shopper-name";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { useToast } from "@/components/ui/toast";
import { Composer } from "./composer";
import { LastTextPanel } from "./last-text-panel";
import { PhoneFrame, PhoneThread, type PendingText } from "./phone-thread";
import { NEW_NUMBER, ShopperPicker } from "./shopper-picker";

// Poll fast while the pipeline works on a text (the reply usually lands within a second), slowly otherwise.
const POLL_PENDING_MS = 700;
const POLL_IDLE_MS = 3000;

export function Simulator({ initialPhone }: { initialPhone?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const initialE164 = initialPhone ? normalizePhone(initialPhone) : null;

  const overview = useQuery(trpc.brand.current.queryOptions());
  const shoppers = useQuery(trpc.simulator.shoppers.queryOptions());
  const shopperList = shoppers.data ?? [];

  // null until the person picks: then the ?phone= number, else the first (subscribed) shopper, else a new number.
  const [picked, setPicked] = useState<string | null>(null);
  const [newNumber, setNewNumber] = useState(initialE164 ? formatPhoneForHumans(initialE164) : "");
  const [isNewNumberTouched, setIsNewNumberTouched] = useState(false);
  const [draft, setDraft] = useState("");
  const [sendError, setSendError] = useState<string | null>(null);
  const [pendingText, setPendingText] = useState<PendingText | null>(null);
  // A new number becomes a shopper in the list once its first text is processed; then select it there.
  const [adoptPhone, setAdoptPhone] = useState<string | null>(null);

  const choice =
    picked ??
    (shoppers.isPending
      ? null
      : initialE164
        ? shopperList.some((s) => s.phone === initialE164)
          ? initialE164
          : NEW_NUMBER
        : (shopperList[0]?.phone ?? NEW_NUMBER));
  // Pin the default once the list loads: the list re-sorts when a shopper texts STOP.
  useEffect(() => {
    if (picked === null && choice !== null) setPicked(choice);
  }, [picked, choice]);
  const activePhone = choice === NEW_NUMBER ? normalizePhone(newNumber) : choice;
  const activeShopper = shopperList.find((s) => s.phone === activePhone) ?? null;

  const thread = useQuery({
    ...trpc.simulator.thread.queryOptions({ phone: activePhone ?? "" }),
    enabled: Boolean(activePhone),
    refetchInterval: (query) => (query.state.data?.pending ? POLL_PENDING_MS : POLL_IDLE_MS),
  });
  const messages = thread.data?.messages ?? [];
  const isPipelineBusy = thread.data?.pending ?? false;

  // Once a text is processed, what the rest of the app shows may have changed: the escalation
  // badge, the shopper's consent (STOP/START), a new profile, the conversation lists.
  const lastInbound = thread.data?.lastInbound ?? null;
  const processedKey = lastInbound?.disposition ? `${lastInbound.id}:${lastInbound.disposition}` : null;
  const seen = useRef<{ phone: string | null; key: string | null }>({ phone: null, key: null });
  const hasThread = thread.data !== undefined;
  useEffect(() => {
    if (!hasThread) return;
    const previous = seen.current;
    seen.current = { phone: activePhone, key: processedKey };
    // Opening a thread is not news; a text processed while it is open is.
    const isFirstLook = previous.phone !== activePhone;
    if (!processedKey || (isFirstLook && !adoptPhone) || (!isFirstLook && previous.key === processedKey)) return;
    void queryClient.invalidateQueries({ queryKey: trpc.brand.current.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.simulator.shoppers.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });
  }, [hasThread, processedKey, activePhone, adoptPhone, queryClient, trpc]);

  useEffect(() => {
    if (adoptPhone && shopperList.some((s) => s.phone === adoptPhone)) {
      setPicked(adoptPhone);
      setAdoptPhone(null);
    }
  }, [adoptPhone, shopperList]);

  // The optimistic bubble stays until the thread holds the stored text.
  const pendingId = pendingText?.messageId;
  useEffect(() => {
    if (pendingId && messages.some((m) => m.id === pendingId)) setPendingText(null);
  }, [pendingId, messages]);

  const send = useMutation(
    trpc.simulator.send.mutationOptions({
      onMutate: (input) => {
        setSendError(null);
        setPendingText({ body: input.body });
      },
      onSuccess: (result, input) => {
        setDraft((current) => (current === input.body ? "" : current));
        setPendingText({ body: input.body, messageId: result.messageId });
        if (result.outcome === "duplicate") toast({ title: "Already received", description: "Parley stored this text once; it was not processed again." });
        if (choice === NEW_NUMBER) setAdoptPhone(normalizePhone(input.from));
        void queryClient.invalidateQueries({ queryKey: trpc.simulator.thread.queryKey({ phone: input.from }) });
      },
      onError: (error) => {
        setPendingText(null);
        setSendError(errorMessageOf(error));
      },
    }),
  );

  function onSend(body: string) {
    if (!activePhone || send.isPending || body.trim() === "") return;
    send.mutate({ from: activePhone, body });
  }

  function onChoiceChange(value: string) {
    setPicked(value);
    setSendError(null);
    setPendingText(null);
    setAdoptPhone(null);
  }

  const brandName = overview.data?.brand.name ?? "your brand";
  const who = activeShopper ? (shopperName(activeShopper) ?? formatPhoneForHumans(activeShopper.phone)) : activePhone ? formatPhoneForHumans(activePhone) : null;
  const disabledReason = shoppers.isPending ? "Loading shoppers…" : activePhone ? undefined : "Choose a shopper or enter a valid number first.";

  return (
    <div className="flex flex-col gap-6">
      <ShopperPicker
        shoppers={shopperList}
        isLoading={shoppers.isPending}
        choice={choice}
        onChoiceChange={onChoiceChange}
        newNumber={newNumber}
        onNewNumberChange={(value) => {
          setNewNumber(value);
          setSendError(null);
        }}
        isNewNumberTouched={isNewNumberTouched}
        onNewNumberBlur={() => setIsNewNumberTouched(true)}
      />
      {shoppers.isError ? (
        <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
          {errorMessageOf(shoppers.error)}
        </p>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,400px)_minmax(0,1fr)]">
        <PhoneFrame brandName={overview.data?.brand.name ?? "Brand"} brandNumber={overview.data?.brand.smsNumber ?? null}>
          <PhoneThread
            label={who ? `Texts between ${who} and ${brandName}` : "Texts"}
            messages={messages}
            pendingText={pendingText}
            isTyping={isPipelineBusy || send.isPending}
            isLoading={Boolean(activePhone) && thread.isPending}
            emptyHint={
              activePhone ? (
                <>
                  <p className="font-medium text-slate-700">No texts yet</p>
                  <p className="mt-1">
                    Text {brandName} as {who}. Try a suggestion below, such as “where is my order?”.
                  </p>
                </>
              ) : (
                <p>Choose a shopper, or enter a new number, to start texting.</p>
              )
            }
          />
          {thread.isError ? (
            <p role="alert" className="border-t border-red-100 bg-failed-soft px-3 py-2 text-xs text-failed-ink">
              {errorMessageOf(thread.error)}
            </p>
          ) : null}
          <Composer
            value={draft}
            onChange={(value) => {
              setDraft(value);
              if (sendError) setSendError(null);
            }}
            onSend={onSend}
            isSending={send.isPending}
            isDisabled={!activePhone}
            disabledReason={disabledReason}
            error={sendError}
            placeholder={`Text ${brandName}`}
          />
        </PhoneFrame>

        <LastTextPanel thread={thread.data} isLoading={Boolean(activePhone) && thread.isPending} />
      </div>
    </div>
  );
}
