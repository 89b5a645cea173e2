import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./ui/button";
import { EmptyState } from "./ui/empty-state";
import { PageHeader } from "./page-header";

/** A page whose part of Parley is not built yet: says so plainly, says what it will do, and points to the Simulator. */
export function NotBuiltYet({ title, description, willDo, icon }: { title: string; description: string; willDo: string; icon: ReactNode }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState
        icon={icon}
        title={`${title} is not built yet`}
        description={
          <>
            <p>{willDo}</p>
            <p className="mt-2">Meanwhile, you can text the demo brand from the Simulator and watch the agent answer.</p>
          </>
        }
        action={
          <Link href="/simulator" className={buttonClasses({ variant: "secondary" })}>
            Open the Simulator
          </Link>
        }
      />
    </>
  );
}
