"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc";
import { useInvalidateSettingsHistory } from "../../_components/settings-history";

/** After any change to the team: the list again, and the settings history (every change is recorded there). */
export function useRefreshTeam(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateHistory = useInvalidateSettingsHistory();
  return useCallback(async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() }), invalidateHistory()]);
  }, [queryClient, trpc, invalidateHistory]);
}
