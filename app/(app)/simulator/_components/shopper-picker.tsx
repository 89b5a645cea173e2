"use client";
import { formatPhoneForHumans, normalizePhone } from "@/server/sms";
import { shopperName } from "@/components/shopper-name";
import type { RouterOutputs } from "@/components/trpc";
import { ConsentBadge, consentLabel } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { plural } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { PhoneNumber } from "@/components/ui/phone-number";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";

export type Shopper = RouterOutputs["simulator"]["shoppers"][number];

/** The <select> value for "text from a number that is not in the list". */
export const NEW_NUMBER = "new";

export function ShopperPicker({
  shoppers,
  isLoading,
  choice,
  onChoiceChange,
  newNumber,
  onNewNumberChange,
  isNewNumberTouched,
  onNewNumberBlur,
}: {
  shoppers: Shopper[];
  isLoading: boolean;
  choice: string | null;
  onChoiceChange: (value: string) => void;
  newNumber: string;
  onNewNumberChange: (value: string) => void;
  isNewNumberTouched: boolean;
  onNewNumberBlur: () => void;
}) {
  const selected = shoppers.find((s) => s.phone === choice) ?? null;
  const isNew = choice === NEW_NUMBER;
  const normalized = normalizePhone(newNumber);
  const newNumberError =
    isNew && isNewNumberTouched && newNumber.trim() !== "" && !normalized ? "Enter a phone number like +1 555 555 0100." : undefined;

  return (
    <Card className="p-4">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <div className="w-full lg:max-w-sm">
          {isLoading ? (
            <div className="flex flex-col gap-1.5">
              <span className="text-sm font-medium text-slate-800">Shopper</span>
              <Skeleton className="h-9 w-full" />
            </div>
          ) : (
            <Select
              label="Shopper"
              help={shoppers.length === 0 ? "No shoppers yet: text from a new number and Parley creates the profile." : undefined}
              value={choice ?? ""}
              onChange={(e) => onChoiceChange(e.target.value)}
            >
              {shoppers.map((s) => (
                <option key={s.id} value={s.phone}>
                  {`${shopperName(s) ?? "Unnamed shopper"} · ${formatPhoneForHumans(s.phone)} · ${consentLabel(s.smsConsent)} · ${plural(s._count.orders, "order")}`}
                </option>
              ))}
              <option value={NEW_NUMBER}>New number…</option>
            </Select>
          )}
        </div>

        {isNew ? (
          <Input
            label="New number"
            fieldClassName="w-full lg:max-w-xs"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="+1 (555) 555-0199"
            value={newNumber}
            onChange={(e) => onNewNumberChange(e.target.value)}
            onBlur={onNewNumberBlur}
            error={newNumberError}
            help={
              newNumberError ? undefined : normalized ? (
                <>
                  Texting as <PhoneNumber value={normalized} className="font-medium text-slate-700" />. A first text creates the profile.
                </>
              ) : (
                "A US number, or any number with its + country code."
              )
            }
          />
        ) : selected ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:flex sm:flex-wrap sm:items-center lg:pt-7">
            <div>
              <dt className="sr-only">Name</dt>
              <dd className="font-medium text-slate-900">{shopperName(selected) ?? "Unnamed shopper"}</dd>
            </div>
            <div>
              <dt className="sr-only">Phone</dt>
              <dd className="text-slate-600">
                <PhoneNumber value={selected.phone} />
              </dd>
            </div>
            <div>
              <dt className="sr-only">SMS consent</dt>
              <dd>
                <ConsentBadge consent={selected.smsConsent} />
              </dd>
            </div>
            <div>
              <dt className="sr-only">Orders</dt>
              <dd className="text-slate-600">{plural(selected._count.orders, "order")}</dd>
            </div>
          </dl>
        ) : null}
      </div>
    </Card>
  );
}
