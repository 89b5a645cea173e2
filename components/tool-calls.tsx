import { Badge } from "./ui/badge";
import { cn } from "./ui/cn";
import { WrenchIcon } from "./ui/icons";
import { JsonBlock } from "./json-block";

export type ToolCall = { name: string; input: unknown; output?: unknown; error?: string };

/** Coerces the turn's stored `tools` JSON into calls; anything unexpected is skipped, not crashed on. */
export function toToolCalls(value: unknown): ToolCall[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): ToolCall[] => {
    if (!item || typeof item !== "object") return [];
    const record = item as Record<string, unknown>;
    if (typeof record.name !== "string") return [];
    return [{ name: record.name, input: record.input, output: record.output, error: typeof record.error === "string" ? record.error : undefined }];
  });
}

/** Each tool the agent called in one turn, collapsed to its name; open one to see its input and output. */
export function ToolCalls({ tools, className }: { tools: unknown; className?: string }) {
  const calls = toToolCalls(tools);
  if (calls.length === 0) return <p className={cn("text-sm text-slate-500", className)}>No tools used in this turn.</p>;
  return (
    <ul className={cn("flex flex-col gap-2", className)} aria-label="Tools used">
      {calls.map((call, index) => (
        <li key={`${call.name}-${index}`}>
          <details className="group rounded-md border border-slate-200 bg-white" data-testid="tool-call">
            <summary className="flex items-center gap-2 rounded-md px-3 py-2 text-sm select-none hover:bg-slate-50">
              <svg viewBox="0 0 20 20" className="size-3.5 text-slate-400 transition-transform group-open:rotate-90" fill="none" aria-hidden="true">
                <path d="m8 5 5 5-5 5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <WrenchIcon className="size-3.5 text-slate-500" />
              <span className="font-mono text-xs font-medium text-slate-800">{call.name}</span>
              {call.error ? (
                <Badge tone="failed" className="ml-auto">
                  error
                </Badge>
              ) : null}
            </summary>
            <div className="flex flex-col gap-2 border-t border-slate-200 p-3">
              <JsonBlock label="Input" value={call.input} />
              {call.error ? (
                <p className="rounded-md bg-failed-soft p-2 text-xs text-failed-ink">{call.error}</p>
              ) : (
                <JsonBlock label="Output" value={call.output} />
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
