import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc";
import { TimeZoneProvider } from "@/components/ui/time-zone";
import { ToastProvider } from "@/components/ui/toast";
import { createApiContext, createCaller } from "@/server/api";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";
import { Sidebar } from "./_components/sidebar";

// Every signed-in page reads the database for this member: never prerender.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await ensureServerReady();
  const member = await currentMember();
  if (!member) redirect("/sign-in");
  const overview = await createCaller(createApiContext(member)).brand.current();

  return (
    <TRPCReactProvider>
      <TimeZoneProvider timeZone={overview.brand.timeZone}>
        <ToastProvider>
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-accent shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
          >
            Skip to content
          </a>
          <div className="flex min-h-screen flex-col md:flex-row">
            <Sidebar initialOverview={overview} />
            <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8 md:py-8">
              {children}
            </main>
          </div>
        </ToastProvider>
      </TimeZoneProvider>
    </TRPCReactProvider>
  );
}
