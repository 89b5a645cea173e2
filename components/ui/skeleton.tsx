import { cn } from "./cn";

/** A grey placeholder with the shape of what is loading. */
export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-slate-200/80", className)} aria-hidden="true" />;
}

/** Rows of placeholders for a table or list, announced once as "Loading…". */
export function SkeletonRows({ rows = 5, label = "Loading…", className }: { rows?: number; label?: string; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-3", className)} role="status">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
