"use client";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { presetRange, rangeProblem, type DayRange } from "@/server/analytics/performance/period";
import { formatRange } from "./format-metric";
import { channels, type PerformanceView, type RangeChoice } from "./performance-url";

const choiceLabels: Record<RangeChoice, string> = { "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days", custom: "Custom range" };

/** Date range (presets or two days, both included, in the brand's time zone) and channel. */
export function RangeFilter({ view, timeZone, today, onChange, previous }: { view: PerformanceView; timeZone: string; today: string; onChange: (view: PerformanceView) => void; previous: DayRange }) {
  // The custom days being typed; applied once both make a range.
  const [draft, setDraft] = useState<DayRange>({ from: view.from, to: view.to });
  const problem = view.choice === "custom" ? rangeProblem(draft) : null;

  function choose(choice: RangeChoice) {
    if (choice === "custom") {
      setDraft({ from: view.from, to: view.to });
      onChange({ ...view, choice });
      return;
    }
    onChange({ ...view, choice, ...presetRange(choice, timeZone) });
  }

  function editDraft(next: DayRange) {
    setDraft(next);
    if (!rangeProblem(next)) onChange({ ...view, choice: "custom", ...next });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-start gap-3" data-testid="performance-filters">
        <Select label="Date range" fieldClassName="w-44" value={view.choice} onChange={(e) => choose(e.target.value as RangeChoice)} data-testid="range-select">
          {(Object.keys(choiceLabels) as RangeChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {choiceLabels[choice]}
            </option>
          ))}
        </Select>
        {view.choice === "custom" ? (
          <>
            <Input
              type="date"
              label="From"
              fieldClassName="w-44"
              value={draft.from}
              max={today}
              onChange={(e) => editDraft({ ...draft, from: e.target.value })}
              error={problem?.field === "from" ? problem.message : undefined}
              data-testid="range-from"
            />
            <Input
              type="date"
              label="To"
              fieldClassName="w-44"
              value={draft.to}
              onChange={(e) => editDraft({ ...draft, to: e.target.value })}
              error={problem?.field === "to" ? problem.message : undefined}
              data-testid="range-to"
            />
          </>
        ) : null}
        <Select label="Channel" fieldClassName="w-36" value={view.channel} onChange={() => undefined} help="More channels soon" data-testid="channel-select">
          {channels.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </Select>
      </div>
      <p className="text-sm text-slate-600" data-testid="performance-range" aria-live="polite">
        <span className="font-medium text-slate-900">{formatRange(view.from, view.to)}</span>
        <span className="text-slate-500"> · compared with {formatRange(previous.from, previous.to)} · days in {timeZone.replace(/_/g, " ")}</span>
      </p>
    </div>
  );
}
