"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc";
import { CopyField } from "@/components/ui/copy-field";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { FormSection } from "./form-section";
import { SaveBar } from "./save-bar";
import { useSaveFeedback } from "./use-save-feedback";

type CommerceSettings = RouterOutputs["commerce"]["get"];
type Platform = CommerceSettings["platform"];
type Values = { platform: Platform; shopDomain: string; accessToken: string; webhookSecret: string };
const FIELDS = ["platform", "shopDomain", "accessToken", "webhookSecret"] as const;

/** Where the agent reads orders and products, and how Shopify's order webhooks are verified. */
export function CommerceSection() {
  const trpc = useTRPC();
  const commerce = useQuery(trpc.commerce.get.queryOptions());
  return (
    <FormSection
      id="commerce"
      needs="owner"
      title="Commerce"
      description="Where the customer agent looks up orders and products: the built-in demo store, or your Shopify shop. Shopify’s order webhooks credit revenue on the Performance page."
      query={commerce}
      loadingLabel="Loading commerce settings…"
      skeletonHeights={["h-16", "h-9", "h-9"]}
    >
      {(saved) => <CommerceForm saved={saved} />}
    </FormSection>
  );
}

function CommerceForm({ saved: initial }: { saved: CommerceSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<Values>({ platform: initial.platform, shopDomain: initial.shopDomain, accessToken: "", webhookSecret: "" });
  const fieldIds = Object.fromEntries(FIELDS.map((key) => [key, `${id}-${key}`])) as Record<(typeof FIELDS)[number], string>;
  const feedback = useSaveFeedback({ what: "Commerce settings", formRef, fieldIds });
  const { errors } = feedback;
  const isDirty = values.platform !== saved.platform || values.shopDomain !== saved.shopDomain || values.accessToken !== "" || values.webhookSecret !== "";
  // A token is only ever sent to the shop it was saved with: a new shop needs it again.
  const isNewShop = Boolean(saved.accessTokenMasked) && values.shopDomain.trim() !== "" && values.shopDomain.trim().toLowerCase() !== saved.shopDomain;

  const save = useMutation(
    trpc.commerce.update.mutationOptions({
      onMutate: feedback.onMutate,
      onSuccess: (result) => {
        setSaved(result);
        setValues({ platform: result.platform, shopDomain: result.shopDomain, accessToken: "", webhookSecret: "" });
        queryClient.setQueryData(trpc.commerce.get.queryKey(), result);
        feedback.onSaved(result.platform === "shopify" ? `The agent reads orders and products from ${result.shopDomain}.` : "The agent reads the built-in store.");
      },
      onError: feedback.onFailed,
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate(values);
  }

  function setValue<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((all) => ({ ...all, [key]: value }));
    feedback.clearError(key);
  }

  return (
    <div className="flex flex-col gap-8">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Store platform and Shopify credentials" data-testid="commerce-form">
        <RadioGroup<Platform>
          id={fieldIds.platform}
          name={`${id}-platform-choice`}
          legend="Store"
          error={errors.platform}
          value={values.platform}
          onChange={(platform) => setValue("platform", platform)}
          options={[
            { value: "builtin", label: "Built-in store", help: "The demo catalogue and orders kept in Parley." },
            { value: "shopify", label: "Shopify", help: "Orders and products from your shop’s Admin API." },
          ]}
        />
        {values.platform === "shopify" ? (
          <>
            <Input
              id={fieldIds.shopDomain}
              label="Shop address"
              help="The address ending in .myshopify.com (Shopify admin → Settings → Domains)."
              error={errors.shopDomain}
              value={values.shopDomain}
              onChange={(event) => setValue("shopDomain", event.target.value)}
              placeholder="my-shop.myshopify.com"
              autoComplete="off"
              spellCheck={false}
              maxLength={255}
              className="sm:max-w-md"
              data-testid="commerce-shopDomain"
            />
            <Input
              id={fieldIds.accessToken}
              label="Admin API access token"
              help={
                isNewShop
                  ? "A new shop needs its token: a saved token is only ever sent to the shop it was saved with."
                  : saved.accessTokenMasked
                    ? `Saved: ${saved.accessTokenMasked}. Leave blank to keep it. Stored encrypted; Parley never shows it again.`
                    : "Starts with shpat_; from your app’s API credentials (scopes read_orders, read_products, read_customers). Stored encrypted."
              }
              error={errors.accessToken ?? saved.problems.accessToken}
              value={values.accessToken}
              onChange={(event) => setValue("accessToken", event.target.value)}
              type="password"
              placeholder={saved.accessTokenMasked && !isNewShop ? "Leave blank to keep the saved token" : "shpat_…"}
              autoComplete="new-password"
              spellCheck={false}
              maxLength={200}
              className="font-mono"
              data-testid="commerce-accessToken"
            />
            <Input
              id={fieldIds.webhookSecret}
              label="Webhook signing secret"
              help={
                saved.webhookSecretMasked
                  ? `Saved: ${saved.webhookSecretMasked}. Leave blank to keep it.`
                  : "Shown under Settings → Notifications → Webhooks in the Shopify admin. Orders are credited to your brand only when they are signed with it."
              }
              error={errors.webhookSecret ?? saved.problems.webhookSecret}
              value={values.webhookSecret}
              onChange={(event) => setValue("webhookSecret", event.target.value)}
              type="password"
              placeholder={saved.webhookSecretMasked ? "Leave blank to keep the saved secret" : ""}
              autoComplete="new-password"
              spellCheck={false}
              maxLength={200}
              className="font-mono"
              data-testid="commerce-webhookSecret"
            />
          </>
        ) : null}
        <SaveBar label="Save commerce settings" isPending={save.isPending} isDirty={isDirty} summary={feedback.summary} summaryTestId="commerce-error" />
      </form>
      {values.platform === "shopify" ? (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-5">
          <CopyField
            noun="URL"
            testId="commerce-webhook-url"
            label="Order creation webhook"
            value={saved.webhookUrl}
            help="In the Shopify admin: Settings → Notifications → Webhooks → Create webhook, event “Order creation”, format JSON, this URL."
          />
        </div>
      ) : null}
    </div>
  );
}
