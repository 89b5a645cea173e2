import type { KeyboardEvent } from "react";

/** The server's per-field messages of a failed save (`error.data.fieldErrors`), or {} when it was not about a field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  if (!fields || typeof fields !== "object") return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Focus the first field (in the form's order) the server rejected, once it shows its error. */
export function focusFirstInvalid(form: HTMLFormElement | null, orderedIds: [key: string, id: string][], errors: Record<string, string>) {
  const id = orderedIds.find(([key]) => errors[key])?.[1];
  if (!form || !id) return;
  requestAnimationFrame(() => form.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus());
}

/** Ctrl/Cmd+Enter submits from a textarea, where Enter is a new line. */
export function submitOnModEnter(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
  const form = (event.target as HTMLElement).closest("form");
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
}
