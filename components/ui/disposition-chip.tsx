import { cn } from "./cn";

/**
 * Why the agent did or didn't answer an inbound text, as its raw code (agent_replied, opt_out,
 * noise:reaction, …) with the plain-words explanation on hover. Opt-outs get a red outline.
 */
export function DispositionChip({ code, text, testId, className }: { code: string | null; text?: string | null; testId?: string; className?: string }) {
  const value = code ?? "processing";
  const isOptOut = value === "opt_out";
  const isNoise = value.startsWith("noise:");
  return (
    <span
      data-testid={testId}
      title={text ?? undefined}
      className={cn(
        "inline-flex items-center rounded px-1.5 py-0.5 font-mono text-[11px] leading-4 whitespace-nowrap ring-1 ring-inset",
        isOptOut ? "bg-white text-red-700 ring-red-400" : isNoise ? "bg-slate-100 text-slate-500 ring-slate-200" : "bg-slate-100 text-slate-700 ring-slate-300",
        !code && "italic",
        className,
      )}
    >
      {value}
    </span>
  );
}
