"use client";
import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClasses, describedBy, Field, invalidClasses } from "./field";

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: ReactNode;
  hideLabel?: boolean;
  help?: ReactNode;
  error?: ReactNode;
  id?: string;
  fieldClassName?: string;
  ref?: Ref<HTMLSelectElement>;
};

/** A native <select>: keyboard, screen readers and mobile pickers work without extra code. */
export function Select({ label, hideLabel, help, error, id, className, fieldClassName, children, ...rest }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <Field id={selectId} label={label} hideLabel={hideLabel} help={help} error={error} className={fieldClassName}>
      <div className="relative">
        <select
          id={selectId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(selectId, { help, error })}
          className={cn(controlClasses, "h-9 appearance-none pr-9", error ? invalidClasses : false, className)}
          {...rest}
        >
          {children}
        </select>
        <svg
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
          viewBox="0 0 20 20"
          fill="none"
          aria-hidden="true"
        >
          <path d="m6 8 4 4 4-4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
    </Field>
  );
}
