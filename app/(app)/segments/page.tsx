import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/not-built-yet";
import { SegmentsIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return (
    <NotBuiltYet
      title="Segments"
      description="Groups of shoppers to send to, target or leave out."
      willDo="Segments will be built from profile properties and agent events (for example, everyone who escalated a conversation in the last 30 days)."
      icon={<SegmentsIcon className="size-5" />}
    />
  );
}
