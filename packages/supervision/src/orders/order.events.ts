import { recordEvent } from "@civicline/platform";
import type { EntityManager } from "typeorm";

/** Outbox events supervision orders write. */
export const OrderEvent = {
  /**
   * An order was issued, answered, escalated, sent back or closed. Payload: `orderId`, `ticketId`,
   * `unitIds` (the unit that must answer), `action`, `level`, `state`, `automatic`.
   */
  ORDER_CHANGED: "supervision.order_changed",
  /** An admin changed the order settings. Payload: `changedBy`. */
  SETTINGS_CHANGED: "supervision.order_settings_changed",
} as const;

/** Live-update topics of `supervisionOrdersChanged`: one per unit, one for the centre's supervisors. */
export const OrderTopic = {
  unit: (unitId: string): string => `SUPERVISION_ORDERS:unit:${unitId}`,
  CENTRE: "SUPERVISION_ORDERS:centre",
} as const;

/** Records an order event in the caller's transaction (delivered after commit, at least once). */
export function recordOrderEvent(manager: EntityManager, payload: Record<string, unknown> & { orderId: string; ticketId: string; unitIds: string[] }, actorId: string | null): Promise<void> {
  return recordEvent(manager, { type: OrderEvent.ORDER_CHANGED, payload, actorId });
}
