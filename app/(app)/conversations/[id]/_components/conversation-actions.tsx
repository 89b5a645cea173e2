"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";

type Detail = RouterOutputs["conversations"]["get"];

/** Take (or re-open), give back and close: what a teammate does with the conversation as a whole. */
export function ConversationActions({ detail, canSimulate }: { detail: Detail; canSimulate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isConfirmingClose, setIsConfirmingClose] = useState(false);
  const c = detail.conversation;
  const isMine = c.assignee?.id === detail.viewerUserId;
  const isClosed = c.status === "closed";
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });
  const onError = (title: string) => (error: unknown) => toast({ tone: "error", title, description: errorMessageOf(error) });

  const take = useMutation(
    trpc.conversations.assign.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: isClosed ? "Conversation re-opened" : "Conversation taken", description: "It's yours. The agent stays silent while you own it." });
        void refresh();
      },
      onError: onError("Could not take the conversation"),
    }),
  );
  const giveBack = useMutation(
    trpc.conversations.unassign.mutationOptions({
      onSuccess: () => {
        toast({ title: "Given back to the team", description: "Nobody owns it now; it still waits in the inbox." });
        void refresh();
      },
      onError: onError("Could not give the conversation back"),
    }),
  );
  const close = useMutation(
    trpc.conversations.close.mutationOptions({
      onSuccess: () => {
        setIsConfirmingClose(false);
        toast({ tone: "success", title: "Conversation closed", description: "The shopper's next text starts a new conversation with the agent." });
        void refresh();
      },
      onError: (error) => {
        setIsConfirmingClose(false);
        onError("Could not close the conversation")(error);
      },
    }),
  );

  return (
    <>
      {canSimulate ? (
        <Link href={`/simulator?phone=${encodeURIComponent(c.profile.phone)}`} className={buttonClasses({ variant: "ghost" })}>
          Text as this shopper
        </Link>
      ) : null}
      {isMine && !isClosed ? (
        <Button variant="secondary" onClick={() => giveBack.mutate({ id: c.id })} isLoading={giveBack.isPending}>
          Give back
        </Button>
      ) : null}
      {!isClosed ? (
        <Button variant="secondary" onClick={() => setIsConfirmingClose(true)} data-testid="close-conversation">
          Close conversation
        </Button>
      ) : null}
      {!isMine || isClosed ? (
        <Button onClick={() => take.mutate({ id: c.id })} isLoading={take.isPending} data-testid="take-conversation">
          {isClosed ? "Re-open and take" : c.assignee ? `Take over from ${c.assignee.name}` : "Take conversation"}
        </Button>
      ) : null}

      <Dialog
        open={isConfirmingClose}
        onClose={() => setIsConfirmingClose(false)}
        role="alertdialog"
        title="Close this conversation?"
        description="Nothing is texted to the shopper. Their next text starts a new conversation that the agent answers. You can re-open it later by replying or taking it."
        testId="close-dialog"
      >
        <DialogActions>
          <Button variant="secondary" onClick={() => setIsConfirmingClose(false)} data-autofocus>
            Keep open
          </Button>
          <Button onClick={() => close.mutate({ id: c.id })} isLoading={close.isPending}>
            Close conversation
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
