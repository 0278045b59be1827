import { recordEvent } from "@civicline/platform";
import type { EntityManager } from "typeorm";

/** Outbox events routing writes. Every payload carries `ticketId` and the `unitIds` concerned. */
export const RoutingEvent = {
  TICKET_DISPATCHED: "routing.ticket_dispatched",
  TICKET_SIGNED_FOR: "routing.ticket_signed_for",
  NOTE_ADDED: "routing.note_added",
  ASSIST_INPUT_ADDED: "routing.assist_input_added",
  TICKET_REPLIED: "routing.ticket_replied",
  EXTENSION_REQUESTED: "routing.extension_requested",
  EXTENSION_DECIDED: "routing.extension_decided",
  TICKET_RETURNED: "routing.ticket_returned",
  RETURN_DECIDED: "routing.return_decided",
  DEADLINES_RECOMPUTED: "routing.deadlines_recomputed",
  /** Fired by the near-due timer; supervision reacts. Payload adds `assignmentId`, `leadUnitId`, `dueAt`. */
  TICKET_NEAR_DUE: "routing.ticket_near_due",
  /** Fired by the overdue timer; supervision reacts. Payload adds `assignmentId`, `leadUnitId`, `dueAt`. */
  TICKET_OVERDUE: "routing.ticket_overdue",
  /** Fired by the sign-for timer when the lead unit has not signed for a ticket in time. */
  SIGN_FOR_OVERDUE: "routing.sign_for_overdue",
  /** Fired by the dispatch timer when a received ticket still waits for dispatch past its dispatch limit. */
  DISPATCH_OVERDUE: "routing.dispatch_overdue",
  RULE_SAVED: "routing.dispatch_rule_saved",
  /** The citizen called again about the ticket (催办). Payload adds `followUpId`, `assignmentId` (null before dispatch). */
  TICKET_FOLLOWED_UP: "routing.ticket_followed_up",
  /** A unit was created or changed in the directory. Payload: `unitId`, `code`, `created`, `changes` (field → from/to), `changedById`, `changedByName`. */
  UNIT_CHANGED: "routing.unit_changed",
} as const;

export type RoutingEventType = (typeof RoutingEvent)[keyof typeof RoutingEvent];

/** What every routing event says, at least. */
export type RoutingEventPayload = { ticketId: string; unitIds: string[] } & Record<string, unknown>;

/** Records a routing event in the caller's transaction (delivered after commit, at least once). */
export async function recordRoutingEvent(
  manager: EntityManager,
  type: RoutingEventType,
  payload: RoutingEventPayload,
  actorId: string | null = null,
): Promise<void> {
  await recordEvent(manager, { type, payload: { ...payload, unitIds: [...new Set(payload.unitIds)] }, actorId });
}

/** Live-update topics of `routingChanged`: one per unit, one for the dispatch queue, one for supervisors. */
export const RoutingTopic = {
  unit: (unitId: string): string => `ROUTING_CHANGED:unit:${unitId}`,
  DISPATCH: "ROUTING_CHANGED:dispatch",
  SUPERVISION: "ROUTING_CHANGED:supervision",
} as const;
