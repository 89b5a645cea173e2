import type { ReactNode } from "react";
import { cn } from "./cn";

export type FieldProps = {
  id: string;
  label: ReactNode;
  /** Keeps the label for screen readers only, when the context already shows what the field is. */
  hideLabel?: boolean;
  help?: ReactNode;
  error?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** Label above, help and error below; the control inside must carry `id` and `describedBy(id, …)`. */
export function Field({ id, label, hideLabel, help, error, className, children }: FieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className={cn("text-sm font-medium text-slate-800", hideLabel && "sr-only")}>
        {label}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby for a field's control: its help and error lines, when shown. */
export function describedBy(id: string, { help, error }: { help?: ReactNode; error?: ReactNode }, extra?: string) {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export const controlClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-accent focus-visible:outline-none disabled:bg-slate-50 disabled:text-slate-500";

export const invalidClasses = "ring-red-400 focus:ring-red-500";
