"use client";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & { label: ReactNode; id?: string };

export function Checkbox({ label, id, className, ...rest }: CheckboxProps) {
  const generated = useId();
  const checkboxId = id ?? generated;
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <input id={checkboxId} type="checkbox" className="size-4 rounded border-slate-300 accent-indigo-600" {...rest} />
      <label htmlFor={checkboxId} className="text-sm text-slate-700 select-none">
        {label}
      </label>
    </div>
  );
}
