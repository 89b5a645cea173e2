import { redirect } from "next/navigation";
import { currentMember } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The front door: signed-in members start in the Simulator, everyone else signs in. */
export default async function HomePage() {
  await ensureServerReady();
  const member = await currentMember();
  redirect(member ? "/simulator" : "/sign-in");
}
