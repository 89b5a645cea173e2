"use client";
/**
 * Native radio buttons in a fieldset: the legend names the group, arrow keys move between the
 * options, and each option's help is read with it.
 */
import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export type RadioOption<T extends string> = { value: T; label: ReactNode; help?: ReactNode };

export function RadioGroup<T extends string>({
  legend,
  help,
  error,
  name,
  value,
  options,
  onChange,
  id,
  disabled,
  className,
}: {
  legend: ReactNode;
  help?: ReactNode;
  error?: ReactNode;
  /** The radios' shared name; one per form. */
  name: string;
  value: T;
  options: RadioOption<T>[];
  onChange: (value: T) => void;
  id?: string;
  disabled?: boolean;
  className?: string;
}) {
  const generated = useId();
  const groupId = id ?? generated;
  const describedBy = [help ? `${groupId}-help` : null, error ? `${groupId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={groupId} tabIndex={-1} aria-describedby={describedBy} className={cn("flex flex-col gap-1.5 focus:outline-none", className)}>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{legend}</legend>
      {help ? (
        <p id={`${groupId}-help`} className="-mt-1 text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      <div className="flex flex-col gap-2.5 pt-1">
        {options.map((option) => {
          const optionId = `${groupId}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2.5">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                disabled={disabled}
                aria-describedby={option.help ? `${optionId}-help` : undefined}
                className="mt-0.5 size-4 shrink-0 accent-indigo-600"
              />
              <div className="min-w-0">
                <label htmlFor={optionId} className="text-sm text-slate-800 select-none">
                  {option.label}
                </label>
                {option.help ? (
                  <p id={`${optionId}-help`} className="text-xs text-slate-500">
                    {option.help}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={`${groupId}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
