"use client";
import { useId, useRef, useState, type FormEvent } from "react";
import type { RouterInputs, RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogActions } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { focusFirstInvalid, submitOnModEnter } from "./form-helpers";

export type KeywordAutomation = RouterOutputs["settings"]["keywords"][number];
export type KeywordInput = RouterInputs["settings"]["createKeyword"];
export type KeywordAction = KeywordInput["action"];

export const actionLabels: Record<KeywordAction, string> = {
  none: "Reply only",
  subscribe: "Subscribe to SMS",
  set_property: "Set a profile property",
};

const actionHelp: Record<KeywordAction, string> = {
  none: "Parley sends the reply and nothing else changes.",
  subscribe: "Parley subscribes the shopper to SMS, then sends the reply.",
  set_property: "Parley sets a property on the shopper's profile (usable in segments), then sends the reply.",
};

const ORDERED_ACTIONS: KeywordAction[] = ["none", "subscribe", "set_property"];

/** The stored action is a plain string column; anything unknown is treated as "Reply only". */
export function toKeywordAction(value: string): KeywordAction {
  return (ORDERED_ACTIONS as string[]).includes(value) ? (value as KeywordAction) : "none";
}

type Values = { keyword: string; reply: string; action: KeywordAction; propertyKey: string; propertyValue: string; isActive: boolean };

const FIELD_ORDER = ["keyword", "reply", "action", "propertyKey", "propertyValue"] as const;

function valuesOf(automation: KeywordAutomation | null): Values {
  return {
    keyword: automation?.keyword ?? "",
    reply: automation?.reply ?? "",
    action: toKeywordAction(automation?.action ?? "none"),
    propertyKey: automation?.propertyKey ?? "",
    propertyValue: automation?.propertyValue ?? "",
    isActive: automation?.isActive ?? true,
  };
}

/**
 * Add or edit one keyword automation. The owner runs the save and hands back the server's
 * per-field messages; they show next to their fields until that field is edited.
 */
export function KeywordForm({
  automation,
  isSaving,
  errors,
  summary,
  onClearError,
  onSubmit,
  onCancel,
}: {
  automation: KeywordAutomation | null;
  isSaving: boolean;
  errors: Record<string, string>;
  summary: string | null;
  onClearError: (field: string) => void;
  /** Resolves to the server's field errors when the save failed, null when it succeeded. */
  onSubmit: (input: KeywordInput) => Promise<Record<string, string> | null>;
  onCancel: () => void;
}) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => valuesOf(automation));
  const fieldIds = Object.fromEntries(FIELD_ORDER.map((key) => [key, `${id}-${key}`])) as Record<(typeof FIELD_ORDER)[number], string>;
  const isProperty = values.action === "set_property";

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((all) => ({ ...all, [key]: value }));
    if (errors[key]) onClearError(key);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    const result = await onSubmit({
      keyword: values.keyword,
      reply: values.reply,
      action: values.action,
      propertyKey: isProperty ? values.propertyKey : null,
      propertyValue: isProperty ? values.propertyValue : null,
      isActive: values.isActive,
    });
    if (result) focusFirstInvalid(formRef.current, fieldIds, result);
  }

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} onKeyDown={submitOnModEnter} noValidate className="flex flex-col gap-4" data-testid="keyword-form">
      <Input
        id={fieldIds.keyword}
        label="Keyword"
        help="One to three words, e.g. JOIN or STYLE ME; matched as a whole word, any case."
        error={errors.keyword}
        value={values.keyword}
        onChange={(event) => set("keyword", event.target.value)}
        maxLength={60}
        autoComplete="off"
        spellCheck={false}
        data-autofocus=""
        className="font-mono uppercase"
        placeholder="JOIN"
      />
      <Textarea
        id={fieldIds.reply}
        label="Reply"
        help="Sent instead of the agent's answer. Must fit one SMS."
        error={errors.reply}
        value={values.reply}
        onChange={(event) => set("reply", event.target.value)}
        maxLength={1600}
        rows={3}
        showSegments
        placeholder="Thanks for joining! Reply STOP to opt out."
      />
      <Select
        id={fieldIds.action}
        label="Action"
        help={actionHelp[values.action]}
        value={values.action}
        onChange={(event) => set("action", event.target.value as KeywordAction)}
      >
        {ORDERED_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {actionLabels[action]}
          </option>
        ))}
      </Select>
      {isProperty ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Input
            id={fieldIds.propertyKey}
            label="Property"
            help="Letters, digits and _, e.g. vip"
            error={errors.propertyKey}
            value={values.propertyKey}
            onChange={(event) => set("propertyKey", event.target.value)}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
          <Input
            id={fieldIds.propertyValue}
            label="Value"
            help="e.g. true"
            error={errors.propertyValue}
            value={values.propertyValue}
            onChange={(event) => set("propertyValue", event.target.value)}
            maxLength={200}
            autoComplete="off"
          />
        </div>
      ) : null}
      <div>
        <Checkbox label="Active" checked={values.isActive} onChange={(event) => set("isActive", event.target.checked)} aria-describedby={`${id}-active-help`} />
        <p id={`${id}-active-help`} className="mt-1 pl-6 text-xs text-slate-500">
          Turned off, the keyword is ignored and the agent answers as usual.
        </p>
      </div>

      {summary ? (
        <p role="alert" className="rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid="keyword-form-error">
          {summary}
        </p>
      ) : null}

      <DialogActions className="mt-1">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={isSaving}>
          Save keyword
        </Button>
      </DialogActions>
    </form>
  );
}
