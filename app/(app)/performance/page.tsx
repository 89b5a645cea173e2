import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { buttonClasses } from "@/components/ui/button";
import { SkeletonRows } from "@/components/ui/skeleton";
import { PerformanceView } from "./_components/performance-view";

export const metadata: Metadata = { title: "Performance" };

export default function PerformancePage() {
  return (
    <>
      <PageHeader
        title="Performance"
        description="What the customer agent did for your shoppers and what it earned, day by day, from the event log."
        action={
          <Link href="/performance/import-orders" className={buttonClasses({ variant: "secondary" })}>
            Import orders
          </Link>
        }
      />
      <Suspense fallback={<SkeletonRows rows={6} label="Loading performance…" />}>
        <PerformanceView />
      </Suspense>
    </>
  );
}
