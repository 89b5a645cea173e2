import type { ReactNode } from "react";

/** A page outside the signed-in app (sign-in, an invitation): Parley's name, a title, one narrow column. */
export function PublicPage({ title, description, children }: { title: ReactNode; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-slate-900">
            <span className="text-accent">●</span> Parley
          </p>
          <h1 className="mt-4 text-lg font-semibold text-slate-900">{title}</h1>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
        {children}
      </div>
    </main>
  );
}
