"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SignOutIcon } from "@/components/ui/icons";

export function SignOutButton({ className }: { className?: string }) {
  const [isSigningOut, setIsSigningOut] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      className={className}
      isLoading={isSigningOut}
      onClick={async () => {
        setIsSigningOut(true);
        await signOut({ callbackUrl: "/sign-in" });
      }}
    >
      {isSigningOut ? null : <SignOutIcon />}
      Sign out
    </Button>
  );
}
