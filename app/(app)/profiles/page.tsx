import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/not-built-yet";
import { UsersIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Profiles" };

export default function ProfilesPage() {
  return (
    <NotBuiltYet
      title="Profiles"
      description="The shoppers who text your brand."
      willDo="Profiles will show each shopper with their properties, orders, conversations and full SMS consent history."
      icon={<UsersIcon className="size-5" />}
    />
  );
}
