"use client";
/**
 * Tabs following the WAI-ARIA pattern: one tab stop for the list, arrow keys / Home / End move
 * between tabs and select them. The caller owns the selected value (e.g. in the URL).
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";

export type TabItem<T extends string> = { value: T; label: ReactNode };

export function Tabs<T extends string>({
  label,
  items,
  value,
  onChange,
  idBase,
  className,
}: {
  /** What the tabs switch between, for screen readers ("Conversations views"). */
  label: string;
  items: TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Prefix for the tab/panel ids; pair with <TabPanel idBase={…} value={…}>. */
  idBase?: string;
  className?: string;
}) {
  const generated = useId();
  const base = idBase ?? generated;
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = items.length - 1;
    const next =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const item = items[next];
    if (!item) return;
    onChange(item.value);
    refs.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className={cn("flex gap-1 border-b border-slate-200", className)}>
      {items.map((item, index) => {
        const isSelected = item.value === value;
        return (
          <button
            key={item.value}
            ref={(el) => {
              refs.current[index] = el;
            }}
            id={`${base}-tab-${item.value}`}
            type="button"
            role="tab"
            aria-selected={isSelected}
            aria-controls={`${base}-panel-${item.value}`}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onChange(item.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cn(
              "-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm font-medium transition-colors",
              isSelected ? "border-accent text-accent" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({ idBase, value, className, children }: { idBase: string; value: string; className?: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idBase}-panel-${value}`} aria-labelledby={`${idBase}-tab-${value}`} className={className}>
      {children}
    </div>
  );
}
