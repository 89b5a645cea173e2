"use client";
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { cn } from "./cn";
import { controlClasses, describedBy, Field, invalidClasses } from "./field";

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: ReactNode;
  hideLabel?: boolean;
  help?: ReactNode;
  error?: ReactNode;
  id?: string;
  fieldClassName?: string;
  ref?: Ref<HTMLInputElement>;
};

export function Input({ label, hideLabel, help, error, id, className, fieldClassName, ...rest }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Field id={inputId} label={label} hideLabel={hideLabel} help={help} error={error} className={fieldClassName}>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, { help, error })}
        className={cn(controlClasses, "h-9", error ? invalidClasses : false, className)}
        {...rest}
      />
    </Field>
  );
}
