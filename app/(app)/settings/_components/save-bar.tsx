import { Button } from "@/components/ui/button";

/** The foot of a settings form: the save button, whether there are unsaved changes, and why a save failed. */
export function SaveBar({ label, isPending, isDirty, summary, summaryTestId }: { label: string; isPending: boolean; isDirty: boolean; summary: string | null; summaryTestId: string }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" isLoading={isPending}>
          {label}
        </Button>
        <p className="text-xs text-slate-500" aria-live="polite">
          {isPending ? "Saving…" : isDirty ? "You have unsaved changes." : "No unsaved changes."}
        </p>
      </div>
      {summary ? (
        <p role="alert" className="-mt-3 rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid={summaryTestId}>
          {summary}
        </p>
      ) : null}
    </>
  );
}
