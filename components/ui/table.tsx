import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/** A full-width data table in a card; scrolls sideways on narrow screens instead of squashing columns. */
export function Table({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs", className)}>
      <table className="w-full border-collapse text-left text-sm" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, children }: { className?: string; children: ReactNode }) {
  return <thead className={cn("border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500", className)}>{children}</thead>;
}

export function TH({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-4 py-2.5 font-medium whitespace-nowrap", className)} {...rest} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function TR({ className, isClickable, ...rest }: HTMLAttributes<HTMLTableRowElement> & { isClickable?: boolean }) {
  return <tr className={cn(isClickable && "cursor-pointer hover:bg-slate-50 focus-within:bg-slate-50", className)} {...rest} />;
}

export function TD({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 align-top text-slate-700", className)} {...rest} />;
}
