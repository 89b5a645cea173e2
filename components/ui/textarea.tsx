"use client";
import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from "react";
import { CharacterCount } from "./character-count";
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
  /** Show a live "420 / 1,000 characters" count against this limit (needs a controlled `value`). */
  characterLimit?: number;
  fieldClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function Textarea({ label, hideLabel, help, error, id, showSegments, characterLimit, className, fieldClassName, value, ...rest }: TextareaProps) {
  const generated = useId();
  const textareaId = id ?? generated;
  const counterId = `${textareaId}-segments`;
  const countId = `${textareaId}-count`;
  const text = typeof value === "string" ? value : "";
  const extra = [showSegments ? counterId : null, characterLimit !== undefined ? countId : null].filter(Boolean).join(" ") || undefined;
  return (
    <Field id={textareaId} label={label} hideLabel={hideLabel} help={help} error={error} className={fieldClassName}>
      <textarea
        id={textareaId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(textareaId, { help, error }, extra)}
        className={cn(controlClasses, "min-h-20 resize-y", error ? invalidClasses : false, className)}
        {...rest}
      />
      {showSegments ? <SegmentCounter id={counterId} text={text} /> : null}
      {characterLimit !== undefined ? <CharacterCount id={countId} count={text.length} limit={characterLimit} /> : null}
    </Field>
  );
}
