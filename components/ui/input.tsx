"use client";
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { CharacterCount } from "./character-count";
import { cn } from "./cn";
import { controlClasses, describedBy, Field, invalidClasses } from "./field";

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: ReactNode;
  hideLabel?: boolean;
  help?: ReactNode;
  error?: ReactNode;
  id?: string;
  fieldClassName?: string;
  /** Show a live "42 / 100 characters" count against this limit (needs a controlled `value`). */
  characterLimit?: number;
  ref?: Ref<HTMLInputElement>;
};

export function Input({ label, hideLabel, help, error, id, className, fieldClassName, characterLimit, ...rest }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const countId = `${inputId}-count`;
  return (
    <Field id={inputId} label={label} hideLabel={hideLabel} help={help} error={error} className={fieldClassName}>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, { help, error }, characterLimit !== undefined ? countId : undefined)}
        className={cn(controlClasses, "h-9", error ? invalidClasses : false, className)}
        {...rest}
      />
      {characterLimit !== undefined ? <CharacterCount id={countId} count={String(rest.value ?? "").length} limit={characterLimit} /> : null}
    </Field>
  );
}
