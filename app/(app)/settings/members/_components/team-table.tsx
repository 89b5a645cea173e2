import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TD, TH, THead } from "@/components/ui/table";

/** The header row of a team table; the last, unnamed column holds owners' row actions. */
export function TeamTableHead({ columns, hasActions }: { columns: string[]; hasActions: boolean }) {
  return (
    <THead>
      <tr>
        {columns.map((column) => (
          <TH key={column}>{column}</TH>
        ))}
        {hasActions ? (
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        ) : null}
      </tr>
    </THead>
  );
}

/** A row's one action, at the right; `describedBy` names the row's person or email for screen readers. */
export function RowAction({ describedBy, isDanger, onClick, children }: { describedBy: string; isDanger?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <TD className="py-2">
      <div className="flex justify-end">
        <Button variant="ghost" size="sm" className={cn(isDanger && "text-red-700 hover:bg-red-50 hover:text-red-800")} aria-describedby={describedBy} onClick={onClick}>
          {children}
        </Button>
      </div>
    </TD>
  );
}
