import { conversationState, type ConversationState } from "../conversations";
import type { Db } from "../db";
import { AppError } from "../errors";
import { sendSimulatedText } from "./simulator";

export type SimulationResult = {
  disposition: string | null;
  replies: { body: string; encoding: string; segments: number; status: string }[];
  conversationId: string | null;
  /** Where the conversation stands after the text: its status, whether it waits for a person, who owns it. */
  conversation: ConversationState | null;
  events: string[];
};

const terminal = new Set(["sent", "delivered", "failed", "undelivered"]);

/**
 * Sends one shopper text through the real path (receive → queue → pipeline → send) and waits
 * until the pipeline has decided and every reply has left. A worker must be running.
 */
export async function simulateText(
  db: Db,
  input: { brandId: string; from: string; body: string; timeoutMs?: number },
): Promise<SimulationResult> {
  const startedAt = new Date(Date.now() - 1);
  const received = await sendSimulatedText(db, input.brandId, { from: input.from, body: input.body });
  const deadline = Date.now() + (input.timeoutMs ?? 30_000);
  for (;;) {
    const message = await db.message.findUniqueOrThrow({ where: { id: received.messageId } });
    const replies = await db.message.findMany({ where: { inReplyToId: message.id, direction: "outbound" }, orderBy: { createdAt: "asc" } });
    if (message.processedAt && replies.every((r) => terminal.has(r.status))) {
      const events = message.profileId
        ? await db.event.findMany({
            where: { brandId: input.brandId, profileId: message.profileId, occurredAt: { gte: startedAt } },
            orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
            select: { name: true },
          })
        : [];
      return {
        disposition: message.disposition,
        replies: replies.map((r) => ({ body: r.body, encoding: r.encoding, segments: r.segments, status: r.status })),
        conversationId: message.conversationId,
        conversation: await conversationState(db, input.brandId, message.conversationId),
        events: events.map((e) => e.name),
      };
    }
    if (Date.now() > deadline) {
      throw new AppError("PROVIDER_ERROR", { userMessage: "The text was stored but not processed in time; is the queue worker running?" });
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
