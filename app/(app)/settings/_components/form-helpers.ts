import type { KeyboardEvent } from "react";

/**
 * The server's per-field messages of a failed save (`error.data.fieldErrors`, keyed by input
 * field), or an empty object when the failure was not about a field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  if (!fields || typeof fields !== "object") return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Ctrl+Enter / Cmd+Enter submits the form from a textarea, where a plain Enter is a new line. */
export function submitOnModEnter(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
  const form = (event.target as HTMLElement).closest("form");
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
}

/**
 * Moves focus to the first field the server rejected, in the form's order, so its error is read
 * out; after the next paint, once the field carries its error and aria-invalid.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, fieldIds: Record<string, string>, errors: Record<string, string>) {
  const firstId = Object.entries(fieldIds).find(([key]) => errors[key])?.[1];
  if (!form || !firstId) return;
  requestAnimationFrame(() => form.querySelector<HTMLElement>(`#${CSS.escape(firstId)}`)?.focus());
}
