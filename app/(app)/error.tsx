"use client";
import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium text-failed-ink">Something went wrong</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">This page could not be shown</h1>
      <p className="mt-2 text-sm text-slate-600">
        Parley hit an error while loading it. Nothing you entered was lost. Try again; if it keeps happening, go back to the Simulator and tell
        us what you were doing.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-400">Reference: {digest}</p> : null}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/simulator" className={buttonClasses({ variant: "secondary" })}>
          Back to the Simulator
        </Link>
      </div>
    </div>
  );
}
