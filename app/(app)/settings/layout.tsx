import type { ReactNode } from "react";
import { SettingsNav } from "./_components/settings-nav";

/** Every Settings page: the sections' navigation, then the page. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsNav />
      {children}
    </>
  );
}
