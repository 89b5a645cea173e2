import type { Metadata } from "next";
import { ProfileDetail } from "./_components/profile-detail";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ProfileDetail id={id} />;
}
