"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { segmentInfo } from "@/server/sms";
import { errorMessageOf, useTRPC, type RouterOutputs } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/format";
import { SendIcon } from "@/components/ui/icons";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";

type Detail = RouterOutputs["conversations"]["get"];
type Mode = "reply" | "note";

// The same caps the server checks (server/conversations): 10 SMS segments for a reply.
const MAX_REPLY_CHARACTERS = 1600;
const MAX_NOTE_CHARACTERS = 2000;

/** A random key; getRandomValues works on plain-HTTP hosts too, where randomUUID does not exist. */
function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `inbox-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** What the teammate should know before replying, in one line (or null). */
function replyContext(detail: Detail): string | null {
  const c = detail.conversation;
  const isMine = c.assignee?.id === detail.viewerUserId;
  if (c.status === "closed") return "This conversation is closed. Replying re-opens it and makes it yours.";
  if (c.status === "automating") return "The agent is handling this conversation. Replying takes it over: the agent stops answering this shopper.";
  if (c.assignee && !isMine) return `${c.assignee.name} owns this conversation. Your reply goes out under your name; they stay the owner.`;
  if (!c.assignee) return "Replying makes this conversation yours; the agent stays silent while you own it.";
  return null;
}

/**
 * The bottom of the conversation: reply to the shopper by SMS, or write an internal note that is
 * never sent. Ctrl/Cmd+Enter sends. A reply above one segment is allowed but warned about.
 */
export function ReplyBox({ detail }: { detail: Detail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = useId();
  const tabsId = `${id}-composer`;
  const [mode, setMode] = useState<Mode>("reply");
  const [reply, setReply] = useState("");
  const [note, setNote] = useState("");
  const [replyError, setReplyError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  // One idempotency key per draft: a double submit or a retry after a timeout sends the text once.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const conversationId = detail.conversation.id;
  // The server says why nobody may reply (the shopper isn't subscribed); the reply box says so and stays off.
  const blockedReason = detail.replyBlockedReason;
  const canText = blockedReason === null;
  const blockedId = `${id}-reply-blocked`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });

  const send = useMutation(
    trpc.conversations.reply.mutationOptions({
      onSuccess: (_message, input) => {
        setReply((current) => (current === input.body ? "" : current));
        attempt.current = null;
        toast({ tone: "success", title: "Reply sent", description: "It is on its way to the shopper's phone." });
        void refresh();
      },
      onError: (error) => {
        setReplyError(errorMessageOf(error));
        toast({ tone: "error", title: "Reply not sent", description: errorMessageOf(error) });
        void refresh();
      },
    }),
  );
  const addNote = useMutation(
    trpc.conversations.addNote.mutationOptions({
      onSuccess: (_note, input) => {
        setNote((current) => (current === input.body ? "" : current));
        toast({ tone: "success", title: "Note added", description: "Only your team can see it." });
        void refresh();
      },
      onError: (error) => {
        setNoteError(errorMessageOf(error));
        toast({ tone: "error", title: "Note not added", description: errorMessageOf(error) });
      },
    }),
  );

  const info = segmentInfo(reply);
  const isOverOneSegment = info.segments > 1;
  const canSendReply = canText && reply.trim().length > 0 && !send.isPending;
  const canAddNote = note.trim().length > 0 && !addNote.isPending;

  function submitReply(event?: FormEvent) {
    event?.preventDefault();
    if (!canSendReply) return;
    if (attempt.current?.body !== reply) attempt.current = { body: reply, key: newIdempotencyKey() };
    setReplyError(null);
    send.mutate({ id: conversationId, body: reply, idempotencyKey: attempt.current.key });
  }

  function submitNote(event?: FormEvent) {
    event?.preventDefault();
    if (!canAddNote) return;
    setNoteError(null);
    addNote.mutate({ id: conversationId, body: note });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>, submit: () => void) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  const context = replyContext(detail);

  return (
    <div className="border-t border-slate-200 bg-slate-50 px-4 pt-2 pb-4 sm:px-6" data-testid="reply-box">
      <Tabs<Mode>
        label="Reply or note"
        idBase={tabsId}
        value={mode}
        onChange={setMode}
        items={[
          { value: "reply", label: "Reply to shopper" },
          { value: "note", label: "Internal note" },
        ]}
      />
      {mode === "reply" ? (
        <TabPanel idBase={tabsId} value="reply" className="pt-3">
          {blockedReason !== null ? (
            <p id={blockedId} className="mb-3 rounded-md bg-failed-soft px-3 py-2 text-sm text-failed-ink" data-testid="reply-blocked">
              {blockedReason} Nobody can reply by SMS; you can still add an internal note.
            </p>
          ) : context ? (
            <p className="mb-2 text-xs text-slate-600" data-testid="reply-context">
              {context}
            </p>
          ) : null}
          <form onSubmit={submitReply} className="flex flex-col gap-2">
            <Textarea
              label="Reply"
              hideLabel
              placeholder={canText ? "Write a reply; it is sent as an SMS from your brand's number" : "Replies are off for this shopper"}
              value={reply}
              onChange={(e) => {
                setReply(e.target.value);
                if (replyError) setReplyError(null);
              }}
              onKeyDown={(e) => onKeyDown(e, submitReply)}
              maxLength={MAX_REPLY_CHARACTERS}
              disabled={!canText}
              aria-describedby={canText ? undefined : blockedId}
              rows={3}
              showSegments
              error={replyError ?? undefined}
              data-testid="reply-input"
            />
            {isOverOneSegment ? (
              <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-800" data-testid="reply-segment-warning">
                This reply is {plural(info.segments, "segment")} long ({info.encoding}): it is billed as {info.segments} texts and some phones show it in parts. You can still send it, or
                shorten it to fit one SMS ({info.encoding === "GSM-7" ? "160" : "70"} characters).
              </p>
            ) : null}
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-[11px] text-slate-500">Ctrl or ⌘ + Enter to send</p>
              <Button type="submit" disabled={!canSendReply} isLoading={send.isPending}>
                {send.isPending ? null : <SendIcon />}
                Send reply
              </Button>
            </div>
          </form>
        </TabPanel>
      ) : (
        <TabPanel idBase={tabsId} value="note" className="pt-3">
          <p className="mb-2 text-xs text-slate-600">Notes are for your team only. They are never texted to the shopper.</p>
          <form onSubmit={submitNote} className="flex flex-col gap-2">
            <Textarea
              label="Internal note"
              hideLabel
              placeholder="What should your team know?"
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                if (noteError) setNoteError(null);
              }}
              onKeyDown={(e) => onKeyDown(e, submitNote)}
              maxLength={MAX_NOTE_CHARACTERS}
              characterLimit={MAX_NOTE_CHARACTERS}
              rows={3}
              error={noteError ?? undefined}
              className="bg-amber-50/40"
              data-testid="note-input"
            />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-[11px] text-slate-500">Ctrl or ⌘ + Enter to add</p>
              <Button type="submit" variant="secondary" disabled={!canAddNote} isLoading={addNote.isPending}>
                Add note
              </Button>
            </div>
          </form>
        </TabPanel>
      )}
    </div>
  );
}
