"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TrashIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";

/**
 * Delete, after a confirmation that says what happens. The server refuses while the segment
 * decides who may chat with the agent; its message (where to change that) is shown in the dialog.
 */
export function DeleteSegmentButton({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [isOpen, setIsOpen] = useState(false);
  const remove = useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: "Segment deleted", description: name });
        setIsOpen(false);
        router.push("/segments");
        void queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.segments.memberCounts.queryKey() });
      },
    }),
  );

  function close() {
    setIsOpen(false);
    remove.reset();
  }

  return (
    <>
      <Button variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setIsOpen(true)} data-testid="segment-delete">
        <TrashIcon />
        Delete segment
      </Button>
      <Dialog
        open={isOpen}
        onClose={close}
        role="alertdialog"
        title={`Delete “${name}”?`}
        description="The segment and its conditions are deleted for good; the shoppers in it and their profiles are not touched. This can’t be undone."
        testId="segment-delete-dialog"
      >
        {remove.isError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-failed-soft px-3 py-2 text-sm text-failed-ink">
            {errorMessageOf(remove.error)}
          </p>
        ) : null}
        <DialogActions>
          <Button variant="secondary" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => remove.mutate({ id })} isLoading={remove.isPending}>
            Delete segment
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
