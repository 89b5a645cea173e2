"use client";
import { useState, type RefObject } from "react";
import { errorMessageOf } from "@/components/trpc";
import { useToast } from "@/components/ui/toast";
import { fieldErrorsOf, focusFirstInvalid } from "./form-helpers";
import { useInvalidateSettingsHistory } from "./settings-history";

/**
 * What every settings form does around a save: clear old errors, toast "<what> saved" and refresh
 * the history, or place the server's field errors, summarise what to do, toast and focus the first
 * field to fix. `fieldIds` maps the server's field names to the inputs' ids, in the form's order.
 */
export function useSaveFeedback({ what, formRef, fieldIds }: { what: string; formRef: RefObject<HTMLFormElement | null>; fieldIds: Record<string, string> }) {
  const toast = useToast();
  const invalidateHistory = useInvalidateSettingsHistory();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  return {
    errors,
    summary,
    clearError(key: string) {
      if (errors[key]) setErrors((all) => ({ ...all, [key]: "" }));
    },
    onMutate() {
      setErrors({});
      setSummary(null);
    },
    onSaved(description?: string) {
      toast({ tone: "success", title: `${what} saved`, description });
      void invalidateHistory();
    },
    onFailed(error: unknown) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      const isPlaced = Object.keys(fieldIds).some((key) => fields[key]);
      setSummary(isPlaced ? "Nothing was saved. Fix the fields marked above and save again." : errorMessageOf(error));
      toast({ tone: "error", title: `${what} not saved`, description: errorMessageOf(error) });
      focusFirstInvalid(formRef.current, fieldIds, fields);
    },
  };
}
