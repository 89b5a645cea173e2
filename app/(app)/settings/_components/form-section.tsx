import type { ReactNode } from "react";
import { errorMessageOf } from "@/components/trpc";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Skeleton } from "@/components/ui/skeleton";
import { ChangeableBy } from "./settings-access";

type SectionQuery<T> = { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };

/**
 * A settings form in a card: its heading and purpose, skeleton rows while the saved values load,
 * a retryable error, then the form built from the saved values: read-only, with a note, for a
 * teammate whose role is below `needs` (the role the section's save procedure declares).
 */
export function FormSection<T>({
  id,
  title,
  description,
  query,
  loadingLabel,
  skeletonHeights,
  needs,
  children,
}: {
  id: string;
  title: string;
  description: string;
  query: SectionQuery<T>;
  loadingLabel: string;
  /** Tailwind height classes of the placeholder fields, e.g. ["h-24", "h-9"]. */
  skeletonHeights: string[];
  /** The least role that may change this section: "owner" where it holds credentials, otherwise "admin". */
  needs: "admin" | "owner";
  children: (saved: T) => ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="max-w-[720px]">
      <Card>
        <CardHeader title={<span id={headingId}>{title}</span>} description={description} />
        <CardBody className="py-4">
          {query.isPending ? (
            <div className="flex flex-col gap-6" role="status">
              <span className="sr-only">{loadingLabel}</span>
              {skeletonHeights.map((height, i) => (
                <div key={i} className="flex flex-col gap-2">
                  <Skeleton className="h-4 w-40" />
                  <Skeleton className={`${height} w-full`} />
                </div>
              ))}
            </div>
          ) : query.isError || query.data === undefined ? (
            <ErrorNotice message={errorMessageOf(query.error)} onRetry={() => void query.refetch()} />
          ) : (
            <ChangeableBy needs={needs}>{children(query.data)}</ChangeableBy>
          )}
        </CardBody>
      </Card>
    </section>
  );
}
