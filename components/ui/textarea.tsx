"use client";
import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClasses, describedBy, Field, invalidClasses } from "./field";
import { SegmentCounter } from "./segment-counter";

export type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & {
  label: ReactNode;
  hideLabel?: boolean;
  help?: ReactNode;
  error?: ReactNode;
  id?: string;
  /** Show the live SMS segment counter under the field (needs a controlled `value`). */
  showSegments?: boolean;
  fieldClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function Textarea({ label, hideLabel, help, error, id, showSegments, className, fieldClassName, value, ...rest }: TextareaProps) {
  const generated = useId();
  const textareaId = id ?? generated;
  const counterId = `${textareaId}-segments`;
  return (
    <Field id={textareaId} label={label} hideLabel={hideLabel} help={help} error={error} className={fieldClassName}>
      <textarea
        id={textareaId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(textareaId, { help, error }, showSegments ? counterId : undefined)}
        className={cn(controlClasses, "min-h-20 resize-y", error ? invalidClasses : false, className)}
        {...rest}
      />
      {showSegments ? <SegmentCounter id={counterId} text={typeof value === "string" ? value : ""} /> : null}
    </Field>
  );
}
