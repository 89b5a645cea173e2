"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { FormSection } from "./form-section";
import { useInvalidateSettingsHistory } from "./settings-history";

type RestrictedGoods = RouterOutputs["settings"]["restrictedGoods"];
type Category = RestrictedGoods["categories"][number];

// The server's order and categories (server/brands/restricted-goods.ts), in the form's words.
const CATEGORIES: { value: Category; label: string; help: string }[] = [
  { value: "sex", label: "Sex or adult content", help: "Adult products, services or content." },
  { value: "hate", label: "Hate", help: "Content that promotes hate or discrimination." },
  { value: "alcohol", label: "Alcohol", help: "Beer, wine, spirits, and anything sold as alcohol." },
  { value: "firearms", label: "Firearms", help: "Guns, ammunition, and firearm parts or accessories." },
  { value: "tobacco", label: "Tobacco, vaping or cannabis", help: "Cigarettes, vapes and e-liquids, CBD and cannabis products." },
];

/** Brand eligibility: whether the brand sells SHAFT goods, which rules out the automated agent. */
export function RestrictedGoodsSection() {
  const trpc = useTRPC();
  const restricted = useQuery(trpc.settings.restrictedGoods.queryOptions());

  return (
    <FormSection
      id="brand-eligibility"
      needs="admin"
      title="Brand eligibility"
      description="Whether your brand may use the customer agent. Tell us if you sell any of these restricted (SHAFT) categories."
      query={restricted}
      loadingLabel="Loading brand eligibility…"
      skeletonHeights={["h-16", "h-32"]}
    >
      {(saved) => <RestrictedGoodsForm saved={saved} />}
    </FormSection>
  );
}

function RestrictedGoodsForm({ saved: initial }: { saved: RestrictedGoods }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const invalidateHistory = useInvalidateSettingsHistory();
  const id = useId();
  const [saved, setSaved] = useState(initial);
  const [checked, setChecked] = useState<Set<Category>>(() => new Set(initial.categories));
  const [isConfirming, setIsConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const categories = CATEGORIES.map((c) => c.value).filter((c) => checked.has(c));
  const isDirty = categories.join() !== saved.categories.join();
  const willRestrict = categories.length > 0;
  // The Customer agent section keeps this query up to date when someone switches the agent there.
  const agent = useQuery(trpc.settings.agent.queryOptions());
  const isAgentOn = agent.data?.enabled ?? saved.agentEnabled;
  // Saving a restricted brand switches an agent that is on off: ask first.
  const willSwitchAgentOff = willRestrict && isAgentOn;

  const save = useMutation(
    trpc.settings.updateRestrictedGoods.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: (result) => {
        const didSwitchOff = isAgentOn && !result.agentEnabled;
        setSaved(result);
        setChecked(new Set(result.categories));
        setIsConfirming(false);
        queryClient.setQueryData(trpc.settings.restrictedGoods.queryKey(), result);
        // The Customer agent section shows its switch from the saved settings: load them again.
        if (didSwitchOff) void queryClient.resetQueries({ queryKey: trpc.settings.agent.queryKey() });
        toast({
          tone: "success",
          title: "Brand eligibility saved",
          description: didSwitchOff ? "The customer agent is now off." : result.isRestricted ? "The customer agent stays off." : undefined,
        });
        void invalidateHistory();
      },
      onError: (e) => {
        setIsConfirming(false);
        setFailure(errorMessageOf(e));
        toast({ tone: "error", title: "Brand eligibility not saved", description: errorMessageOf(e) });
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    if (willSwitchAgentOff) setIsConfirming(true);
    else save.mutate({ categories });
  }

  function toggle(category: Category, isOn: boolean) {
    setChecked((all) => {
      const next = new Set(all);
      if (isOn) next.add(category);
      else next.delete(category);
      return next;
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" data-testid="brand-eligibility-form">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="brand-eligibility-status">
        {saved.isRestricted ? (
          <>
            <Badge tone="failed" withDot>
              Restricted
            </Badge>
            The customer agent can’t be switched on for this brand. Shoppers’ texts go to the Conversations inbox.
          </>
        ) : (
          <>
            <Badge tone="resolved" withDot>
              Eligible
            </Badge>
            This brand may use the customer agent.
          </>
        )}
      </div>

      <p className="text-sm text-slate-600">
        US carriers don’t allow automated conversational texting about sex, hate, alcohol, firearms or tobacco (“SHAFT”), and the AI provider’s
        usage policy forbids it too. If you sell any of these, Parley keeps the agent off; campaigns and replies from your team still work.
      </p>

      <fieldset className="flex flex-col gap-3" aria-describedby={`${id}-help`}>
        <legend className="mb-1 text-sm font-medium text-slate-800">My brand sells</legend>
        <p id={`${id}-help`} className="text-xs text-slate-500">
          Check every category that applies, even if it’s a small part of what you sell.
        </p>
        {CATEGORIES.map((category) => (
          <div key={category.value} className="flex flex-col">
            <Checkbox
              id={`${id}-${category.value}`}
              label={category.label}
              checked={checked.has(category.value)}
              onChange={(event) => toggle(category.value, event.target.checked)}
              aria-describedby={`${id}-${category.value}-help`}
            />
            <p id={`${id}-${category.value}-help`} className="ml-6 text-xs text-slate-500">
              {category.help}
            </p>
          </div>
        ))}
      </fieldset>

      {willSwitchAgentOff && isDirty ? (
        <p className="rounded-md bg-escalated-soft px-3 py-2 text-sm text-escalated-ink" role="note">
          Saving will switch the customer agent off.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" isLoading={save.isPending && !isConfirming} disabled={!isDirty}>
          Save brand eligibility
        </Button>
        <p className="text-xs text-slate-500" aria-live="polite">
          {save.isPending ? "Saving…" : isDirty ? "You have unsaved changes." : "No unsaved changes."}
        </p>
      </div>
      {failure ? (
        <p role="alert" className="-mt-2 rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink">
          {failure}
        </p>
      ) : null}

      <Dialog
        open={isConfirming}
        onClose={() => setIsConfirming(false)}
        role="alertdialog"
        title="Switch the customer agent off?"
        description="Because your brand sells restricted goods, saving switches the customer agent off now, and it can’t be switched back on while any category is checked. Shoppers’ texts will go to the Conversations inbox for your team. You can undo this by unchecking every category, then switching the agent on."
        testId="brand-eligibility-confirm"
      >
        <DialogActions className="mt-0">
          <Button variant="secondary" onClick={() => setIsConfirming(false)} data-autofocus="">
            Cancel
          </Button>
          <Button variant="danger" isLoading={save.isPending} onClick={() => save.mutate({ categories })}>
            Save and switch the agent off
          </Button>
        </DialogActions>
      </Dialog>
    </form>
  );
}
