/**
 * Delivering a handoff ticket to the brand's helpdesk, one attempt per queue job run.
 *
 * Ticket.deliveryStatus: "inbox" (no helpdesk connected: the built-in inbox only) → "pending"
 * (queued or retrying) → "delivered", or "failed" after the last attempt. The conversation stays in
 * the built-in inbox whatever happens, so a handoff is never lost; every attempt is a HandoffDelivery
 * row (the log in Settings), and a failed ticket carries lastError for the conversation page.
 * Delivered once: a job run after a success is a no-op, and the queue holds one job per ticket.
 */
import type { Db } from "../db";
import { AppError } from "../errors";
import { redactSecrets } from "../security";
import { enqueueHandoffDelivery } from "../jobs/queue";
import { connectorFor, HelpdeskError, type ConnectorKind } from "./connectors";
import { handoffPayloadOf } from "./handoff-payload";
import { credentialsOf, isHelpdeskKind } from "./helpdesk-settings";

export type DeliveryOutcome =
  /** The helpdesk has it now. */
  | "delivered"
  /** Nothing to do: delivered before (a repeated job), or the ticket is not waiting for a delivery. */
  | "noop"
  /** This attempt failed; the queue should run the job again. */
  | "retry"
  /** Out of attempts (or a failure retrying cannot fix): the ticket stays in the built-in inbox, marked failed. */
  | "fell_back";

const MAX_ERROR = 500;
const clip = (text: string) => (text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text);

function asHelpdeskError(error: unknown): HelpdeskError {
  if (error instanceof HelpdeskError) return error;
  if (error instanceof AppError) return new HelpdeskError(error.userMessage, { isRetryable: false, cause: error });
  return new HelpdeskError(`Parley could not deliver the handoff: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/**
 * One attempt to deliver the ticket. `isLastAttempt` comes from the queue (the job's retry count has
 * reached its limit): a failure then falls back to the inbox instead of asking for another run.
 */
export async function deliverHandoffAttempt(db: Db, ticketId: string, opts: { isLastAttempt: boolean }): Promise<DeliveryOutcome> {
  const ticket = await db.handoffTicket.findUnique({ where: { id: ticketId } });
  if (!ticket || ticket.deliveryStatus !== "pending") return "noop";

  const connection = await db.helpdeskConnection.findUnique({ where: { brandId: ticket.brandId } });
  const kind = connection && isHelpdeskKind(connection.kind) ? connection.kind : "none";
  if (!connection || kind === "none") {
    // The brand disconnected its helpdesk while this waited: the inbox has it, which is where it goes now.
    await db.$transaction([
      db.handoffDelivery.create({
        data: { brandId: ticket.brandId, ticketId, connector: ticket.destination, attempt: 0, outcome: "fell_back", error: "No helpdesk is connected any more; the handoff is in the built-in inbox." },
      }),
      db.handoffTicket.update({ where: { id: ticketId }, data: { deliveryStatus: "inbox", destination: "inbox", lastError: null } }),
    ]);
    return "fell_back";
  }

  const previous = await db.handoffDelivery.findMany({ where: { ticketId, outcome: { in: ["succeeded", "failed"] } }, orderBy: { createdAt: "desc" } });
  const attempt = previous.length + 1;
  // What an earlier attempt with this same helpdesk already created (e.g. the Kustomer conversation).
  const resumeExternalId = previous.find((d) => d.connector === kind && d.externalId)?.externalId ?? null;

  let secrets: string[] = [];
  try {
    const payload = await handoffPayloadOf(db, ticketId);
    const credentials = credentialsOf(connection);
    secrets = Object.values(credentials.secrets);
    const result = await connectorFor(kind as ConnectorKind).deliverHandoff(payload, credentials, { resumeExternalId });
    const now = new Date();
    await db.$transaction([
      db.handoffDelivery.create({ data: { brandId: ticket.brandId, ticketId, connector: kind, attempt, outcome: "succeeded", httpStatus: result.httpStatus, externalId: result.externalId } }),
      db.handoffTicket.update({ where: { id: ticketId }, data: { deliveryStatus: "delivered", destination: kind, externalId: result.externalId, deliveredAt: now, lastError: null } }),
    ]);
    return "delivered";
  } catch (caught) {
    const error = asHelpdeskError(caught);
    const isGivingUp = opts.isLastAttempt || !error.isRetryable;
    // A helpdesk may echo the key it was sent in its error; the log must not keep it.
    const message = clip(redactSecrets(error.message, secrets));
    await db.handoffDelivery.create({
      data: { brandId: ticket.brandId, ticketId, connector: kind, attempt, outcome: "failed", httpStatus: error.httpStatus, error: message, externalId: error.partialExternalId },
    });
    if (!isGivingUp) {
      await db.handoffTicket.update({ where: { id: ticketId }, data: { lastError: message, destination: kind } });
      return "retry";
    }
    const why = error.isRetryable ? `${attempt} attempt${attempt === 1 ? "" : "s"} failed` : "retrying cannot fix this";
    await db.$transaction([
      db.handoffDelivery.create({
        data: { brandId: ticket.brandId, ticketId, connector: kind, attempt, outcome: "fell_back", httpStatus: error.httpStatus, error: clip(`Kept in the built-in inbox (${why}): ${redactSecrets(error.message, secrets)}`) },
      }),
      db.handoffTicket.update({ where: { id: ticketId }, data: { deliveryStatus: "failed", destination: kind, lastError: message } }),
    ]);
    return "fell_back";
  }
}

/** Queues the delivery of a pending ticket (a no-op while one is already queued or running). */
export async function queueHandoffDelivery(ticketId: string): Promise<void> {
  await enqueueHandoffDelivery(ticketId);
}

/** Worker start: tickets still waiting for delivery (a crash between saving and queueing) are queued again. */
export async function requeuePendingHandoffs(db: Db): Promise<number> {
  const pending = await db.handoffTicket.findMany({ where: { deliveryStatus: "pending" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const { id } of pending) await enqueueHandoffDelivery(id);
  return pending.length;
}

/**
 * For the conversation page: where the handoff went ("inbox" or the helpdesk), its delivery status
 * (inbox | pending | delivered | failed), the helpdesk's id for it, and when it failed, why.
 */
export async function getHandoffDelivery(db: Db, brandId: string, conversationId: string) {
  const ticket = await db.handoffTicket.findFirst({
    where: { brandId, conversationId },
    select: {
      id: true,
      destination: true,
      deliveryStatus: true,
      externalId: true,
      deliveredAt: true,
      lastError: true,
      _count: { select: { deliveries: { where: { outcome: { in: ["succeeded", "failed"] } } } } },
    },
  });
  if (!ticket) return null;
  const { _count, ...rest } = ticket;
  return { ...rest, attempts: _count.deliveries };
}
