import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/not-built-yet";
import { SettingsIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <NotBuiltYet
      title="Settings"
      description="How the agent behaves and who it talks to."
      willDo="Settings will hold the agent's voice and handoff rules, who is eligible to talk to it, compliance messages, and your SMS channel (Twilio) connection."
      icon={<SettingsIcon className="size-5" />}
    />
  );
}
