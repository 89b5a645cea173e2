"use client";
/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert and
 * gives the top-layer backdrop; on top of that, Tab and Shift+Tab wrap inside the dialog (so focus
 * never leaves for the browser's toolbar), Escape closes, and focus goes back to what opened it.
 * The caller owns `open`; `onClose` is called for Escape and the close button.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** One or two lines under the title; for confirmations, say what will happen and whether it can be undone. */
  description?: ReactNode;
  /** "alertdialog" for confirmations that interrupt (delete…), "dialog" for forms. */
  role?: "dialog" | "alertdialog";
  className?: string;
  testId?: string;
  children?: ReactNode;
};

export function Dialog({ open, onClose, title, description, role = "dialog", className, testId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal() focuses the first focusable element or one marked autoFocus; prefer the latter.
      const preferred = dialog.querySelector<HTMLElement>("[autofocus], [data-autofocus]");
      preferred?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && returnTo.current) {
      const target = returnTo.current;
      returnTo.current = null;
      if (target.isConnected) target.focus();
    }
  }, [open]);

  // If the owner unmounts the dialog while it is open, leave no modal (and inert page) behind.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab") return;
    const dialog = ref.current;
    if (!dialog) return;
    const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onKeyDown={onKeyDown}
      // Escape fires "cancel": hand it to the owner, who closes by setting open=false.
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      // Some browsers close anyway after repeated Escapes; keep the owner's state in step.
      onClose={() => {
        if (open) onCloseRef.current();
      }}
      className={cn(
        "fixed inset-0 m-auto h-fit max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40",
        className,
      )}
    >
      {open ? (
        <div className="flex flex-col">
          <div className="flex items-start justify-between gap-4 px-5 pt-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-base font-semibold text-slate-900">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="mt-1 text-sm text-slate-600">
                  {description}
                </div>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => onCloseRef.current()}
              className="-m-1 shrink-0 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
              aria-label="Close"
            >
              <svg viewBox="0 0 20 20" className="size-4" fill="none" aria-hidden="true">
                <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </button>
          </div>
          <div className="px-5 pt-3 pb-5">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog: secondary on the left of the primary, right-aligned. */
export function DialogActions({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("mt-5 flex flex-wrap items-center justify-end gap-2", className)}>{children}</div>;
}
