"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";

/**
 * A confirmation for a change to the team: what will happen, the server's refusal if any (e.g.
 * the last owner), Cancel (focused first) and the danger action.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  error,
  cancelLabel = "Cancel",
  confirmLabel,
  isPending,
  onConfirm,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  error?: string | null;
  cancelLabel?: string;
  confirmLabel: string;
  isPending: boolean;
  onConfirm: () => void;
  testId: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} role="alertdialog" title={title} description={description} testId={testId}>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink">
          {error}
        </p>
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose} data-autofocus="">
          {cancelLabel}
        </Button>
        <Button variant="danger" isLoading={isPending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
