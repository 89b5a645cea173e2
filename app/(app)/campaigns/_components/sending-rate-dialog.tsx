"use client";
/**
 * The brand's sender for campaigns (kind of number, texts a second, price per segment), edited in a
 * dialog from the compose page. Saved on the brand and listed in Settings → History under Channels.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { defaultMessagesPerSecond, senderTypeLabel, senderTypes, type SenderType } from "@/server/campaigns/sending-rate-math";

type SendingRate = RouterOutputs["campaigns"]["sendingRate"];

function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  return fields && typeof fields === "object" ? (fields as Record<string, string>) : {};
}

export function SendingRateButton() {
  const trpc = useTRPC();
  const rate = useQuery(trpc.campaigns.sendingRate.queryOptions());
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setIsOpen(true)} disabled={!rate.data} data-testid="sending-rate-open">
        Change sending rate
      </Button>
      <Dialog
        open={isOpen && !!rate.data}
        onClose={() => setIsOpen(false)}
        title="Sending rate"
        description="How fast campaigns leave your number. Carriers limit each kind of number; sending faster than yours allows gets texts filtered or dropped."
        testId="sending-rate-dialog"
      >
        {rate.data ? <SendingRateForm key={JSON.stringify(rate.data)} saved={rate.data} onDone={() => setIsOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function SendingRateForm({ saved, onDone }: { saved: SendingRate; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = useId();
  const [senderType, setSenderType] = useState<SenderType>(saved.senderType);
  const [rate, setRate] = useState(String(saved.messagesPerSecond));
  const [cost, setCost] = useState(String(saved.segmentCostCents));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation(
    trpc.campaigns.updateSendingRate.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.campaigns.sendingRate.queryKey(), result);
        void queryClient.invalidateQueries({ queryKey: trpc.campaigns.audienceCount.queryKey() });
        toast({ tone: "success", title: "Sending rate saved", description: `${result.messagesPerSecond} ${result.messagesPerSecond === 1 ? "text" : "texts"} a second` });
        onDone();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        setErrors(Object.keys(fields).length ? fields : { form: errorMessageOf(error) });
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    save.mutate({ senderType, messagesPerSecond: Number(rate), segmentCostCents: Number(cost) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="sending-rate-form">
      <Select
        id={`${id}-type`}
        label="Kind of number"
        value={senderType}
        error={errors.senderType}
        onChange={(e) => {
          const next = e.target.value as SenderType;
          setSenderType(next);
          // Picking a kind of number suggests its usual rate; the field stays editable.
          setRate(String(defaultMessagesPerSecond[next]));
        }}
      >
        {senderTypes.map((t) => (
          <option key={t} value={t}>
            {senderTypeLabel[t]} — usually {defaultMessagesPerSecond[t]} a second
          </option>
        ))}
      </Select>
      <Input
        id={`${id}-rate`}
        label="Texts a second"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        step={1}
        value={rate}
        error={errors.messagesPerSecond}
        help="Twilio counts each segment of a long text as one, so a two-segment text uses two."
        onChange={(e) => setRate(e.target.value)}
      />
      <Input
        id={`${id}-cost`}
        label="Price of one SMS segment (cents)"
        type="number"
        inputMode="decimal"
        min={0}
        step="0.0001"
        value={cost}
        error={errors.segmentCostCents}
        help="For the cost estimate on campaigns and the performance page."
        onChange={(e) => setCost(e.target.value)}
      />
      {errors.form ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" isLoading={save.isPending} data-testid="sending-rate-save">
          Save
        </Button>
      </DialogActions>
    </form>
  );
}
