/**
 * Every order Parley learns of becomes one "Placed Order" event — from the built-in store, from
 * Shopify's orders/create webhook, or from a CSV import. The event's dedupeKey is
 * `order:<number>`, unique per brand, so the same order arriving twice (a webhook retried, a file
 * imported again, an order both imported and sent by Shopify) is recorded once and credited once.
 */
import type { Db, Prisma } from "../../db";
import { emitEvent, EventName, type EmitEventInput } from "../emit-event";

export const orderSources = ["builtin", "shopify", "import", "seed"] as const;
export type OrderSource = (typeof orderSources)[number];

export type PlacedOrder = {
  brandId: string;
  /** The shopper, when Parley knows them; an order without a profile is recorded but can't be credited. */
  profileId: string | null;
  /** The number shoppers see ("1001"); a leading "#" is dropped. */
  number: string;
  totalCents: number;
  currency?: string;
  placedAt: Date;
  itemCount?: number;
  source: OrderSource;
  /** The platform's own id (Shopify's order id), kept for support questions. */
  externalId?: string | null;
};

/** "#1001 " → "1001". */
export function normalizeOrderNumber(number: string): string {
  return number.trim().replace(/^#\s*/, "");
}

export function placedOrderDedupeKey(number: string): string {
  return `order:${normalizeOrderNumber(number)}`;
}

/** The Placed Order event for an order (value in the currency's major unit, as the seed and segments expect). */
export function placedOrderEvent(order: PlacedOrder): EmitEventInput {
  const number = normalizeOrderNumber(order.number);
  if (!number) throw new Error("placedOrderEvent: an order needs a number");
  if (!Number.isInteger(order.totalCents) || order.totalCents < 0) throw new Error(`placedOrderEvent: order ${number} has an invalid total ${order.totalCents}`);
  return {
    brandId: order.brandId,
    profileId: order.profileId,
    name: EventName.placedOrder,
    properties: {
      orderNumber: number,
      value: order.totalCents / 100,
      currency: (order.currency ?? "USD").toUpperCase(),
      ...(order.itemCount !== undefined ? { itemCount: order.itemCount } : {}),
      source: order.source,
      ...(order.externalId ? { externalId: order.externalId } : {}),
    },
    dedupeKey: placedOrderDedupeKey(number),
    occurredAt: order.placedAt,
  };
}

/** Records the order once. Returns whether it was new: false when this brand already has that order number. */
export async function recordPlacedOrder(db: Db | Prisma.TransactionClient, order: PlacedOrder): Promise<boolean> {
  return emitEvent(db, placedOrderEvent(order));
}
