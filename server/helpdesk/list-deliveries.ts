import type { Db } from "../db";

export const DELIVERIES_PAGE_SIZE = 20;

/** The delivery log (Settings → Helpdesk): every attempt, test and fallback, newest first, a page at a time. */
export async function listHandoffDeliveries(db: Db, brandId: string, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? DELIVERIES_PAGE_SIZE, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const [total, rows] = await Promise.all([
    db.handoffDelivery.count({ where: { brandId } }),
    db.handoffDelivery.findMany({
      where: { brandId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        ticket: {
          select: {
            id: true,
            deliveryStatus: true,
            conversationId: true,
            conversation: { select: { profile: { select: { phone: true, firstName: true, lastName: true } } } },
          },
        },
      },
    }),
  ]);
  return {
    page,
    pageSize,
    total,
    rows: rows.map((d) => ({
      id: d.id,
      createdAt: d.createdAt,
      connector: d.connector,
      attempt: d.attempt,
      outcome: d.outcome,
      httpStatus: d.httpStatus,
      error: d.error,
      externalId: d.externalId,
      ticket: d.ticket
        ? { id: d.ticket.id, deliveryStatus: d.ticket.deliveryStatus, conversationId: d.ticket.conversationId, shopper: d.ticket.conversation.profile }
        : null,
    })),
  };
}
