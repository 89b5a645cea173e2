"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SignOutIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";

export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const toast = useToast();
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function onSignOut() {
    setIsSigningOut(true);
    try {
      // No server-side redirect: next-auth would build it from its configured URL, which may not be
      // the address this browser used. Go to the sign-in page ourselves.
      await signOut({ redirect: false });
      router.replace("/sign-in");
      router.refresh();
    } catch {
      setIsSigningOut(false);
      toast({ tone: "error", title: "Could not sign out", description: "Parley could not be reached. Try again." });
    }
  }

  return (
    <Button variant="ghost" size="sm" className={className} isLoading={isSigningOut} onClick={() => void onSignOut()}>
      {isSigningOut ? null : <SignOutIcon />}
      Sign out
    </Button>
  );
}
