"use client";
/**
 * An on/off switch: a native checkbox with role="switch", so Space toggles it, forms and tests see
 * a checkbox, and screen readers say "on"/"off". Label beside it, optional help under the label.
 */
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";

export type SwitchProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id" | "role"> & {
  label: ReactNode;
  help?: ReactNode;
  id?: string;
};

export function Switch({ label, help, id, className, ...rest }: SwitchProps) {
  const generated = useId();
  const switchId = id ?? generated;
  const helpId = `${switchId}-help`;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <span className="relative mt-0.5 inline-flex h-5 w-9 shrink-0">
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          aria-describedby={help ? helpId : undefined}
          className="peer absolute inset-0 size-full cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors checked:bg-accent disabled:cursor-not-allowed disabled:opacity-50"
          {...rest}
        />
        <span
          className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-4"
          aria-hidden="true"
        />
      </span>
      <div className="min-w-0">
        <label htmlFor={switchId} className="text-sm font-medium text-slate-800 select-none">
          {label}
        </label>
        {help ? (
          <p id={helpId} className="mt-0.5 text-xs text-slate-500">
            {help}
          </p>
        ) : null}
      </div>
    </div>
  );
}
