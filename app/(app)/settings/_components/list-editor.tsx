"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";

/**
 * A list of small forms the marketer can add to, remove from and (optionally) reorder, up to a
 * maximum. Every control is a button, so it works from the keyboard; focus follows the item that
 * moved, lands on a new item's first field, and after a removal moves to a neighbour (or the Add
 * button). Each change is announced.
 */
export function ListEditor<T extends { key: string }>({
  id,
  legend,
  help,
  noun,
  testId,
  items,
  max,
  error,
  isReorderable = false,
  emptyText,
  onChange,
  createItem,
  firstFieldId,
  renderItem,
}: {
  /** The fieldset's id: where focus goes for an error about the whole list. */
  id: string;
  legend: string;
  help: ReactNode;
  /** "style rule": "Add style rule", "Style rule 2", "Move style rule 2 up". */
  noun: string;
  /** On each item ("style-rule"); the "3 of 20" count gets `${testId}-count`. */
  testId: string;
  items: T[];
  max: number;
  /** An error about the list as a whole ("At most 20 rules"). */
  error?: string;
  isReorderable?: boolean;
  emptyText: ReactNode;
  onChange: (items: T[]) => void;
  createItem: () => T;
  /** The id of the item's first field, focused when the item is added. */
  firstFieldId: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
}) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const isFull = items.length >= max;
  const [announcement, setAnnouncement] = useState("");
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    document.getElementById(target)?.focus();
  });

  const addId = `${id}-add`;
  const moveId = (key: string, direction: "up" | "down") => `${id}-${key}-move-${direction}`;

  function add() {
    if (isFull) return;
    const item = createItem();
    focusAfterRender.current = firstFieldId(item);
    onChange([...items, item]);
    setAnnouncement(`${Noun} ${formatNumber(items.length + 1)} added.`);
  }

  function remove(index: number) {
    const neighbour = items[index + 1] ?? items[index - 1];
    focusAfterRender.current = neighbour ? firstFieldId(neighbour) : addId;
    onChange(items.filter((_, i) => i !== index));
    setAnnouncement(`${Noun} ${formatNumber(index + 1)} removed.`);
  }

  function move(index: number, direction: "up" | "down") {
    const to = direction === "up" ? index - 1 : index + 1;
    const item = items[index];
    const other = items[to];
    if (!item || !other) return;
    const next = [...items];
    next[index] = other;
    next[to] = item;
    // Keep focus on the same button so it can be pressed again, unless the item reached the end
    // of the list and that button is now disabled.
    const isAtEnd = direction === "up" ? to === 0 : to === items.length - 1;
    focusAfterRender.current = moveId(item.key, isAtEnd ? (direction === "up" ? "down" : "up") : direction);
    onChange(next);
    setAnnouncement(`${Noun} moved to position ${formatNumber(to + 1)} of ${formatNumber(items.length)}.`);
  }

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-legend`}
      aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
      className="flex flex-col gap-3 focus:outline-none"
    >
      {/* Not a <legend>: it shares a row with the count, and a legend must be the fieldset's first child. */}
      <div className="flex items-baseline justify-between gap-4">
        <p id={`${id}-legend`} className="text-sm font-medium text-slate-800">
          {legend}
        </p>
        <p className="shrink-0 text-xs text-slate-500 tabular-nums" data-testid={`${testId}-count`}>
          {formatNumber(items.length)} of {formatNumber(max)}
        </p>
      </div>
      <p id={`${id}-help`} className="-mt-2 text-xs text-slate-500">
        {help}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}

      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {items.map((item, index) => {
            const position = formatNumber(index + 1);
            const headingId = `${id}-${item.key}-heading`;
            return (
              <li key={item.key} className="rounded-md border border-slate-200 bg-slate-50/60 p-3" data-testid={testId}>
                <div role="group" aria-labelledby={headingId}>
                  <div className="mb-2 flex items-center justify-between gap-2">
                    <p id={headingId} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                      {Noun} {position}
                    </p>
                    <div className="flex items-center gap-0.5">
                      {isReorderable ? (
                        <>
                          <Button
                            id={moveId(item.key, "up")}
                            variant="ghost"
                            size="sm"
                            className="size-8 px-0"
                            disabled={index === 0}
                            aria-label={`Move ${noun} ${position} up`}
                            title="Move up"
                            onClick={() => move(index, "up")}
                          >
                            <ArrowUpIcon />
                          </Button>
                          <Button
                            id={moveId(item.key, "down")}
                            variant="ghost"
                            size="sm"
                            className="size-8 px-0"
                            disabled={index === items.length - 1}
                            aria-label={`Move ${noun} ${position} down`}
                            title="Move down"
                            onClick={() => move(index, "down")}
                          >
                            <ArrowDownIcon />
                          </Button>
                        </>
                      ) : null}
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700 hover:bg-red-50 hover:text-red-800"
                        aria-label={`Remove ${noun} ${position}`}
                        onClick={() => remove(index)}
                      >
                        <TrashIcon />
                        Remove
                      </Button>
                    </div>
                  </div>
                  {renderItem(item, index)}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button id={addId} variant="secondary" size="sm" disabled={isFull} aria-describedby={isFull ? `${id}-full` : undefined} onClick={add}>
          <PlusIcon />
          Add {noun}
        </Button>
        {isFull ? (
          <p id={`${id}-full`} className="text-xs text-slate-500">
            That’s the most: {formatNumber(max)} {noun}s. Remove one to add another.
          </p>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
