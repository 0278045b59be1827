import { randomUUID } from "node:crypto";
import { TICKET_STATUS_CHANGED } from "@civicline/intake";
import { ForbiddenError, hasAnyRole, requireRole, type Actor, type AppServices, type EventHandler } from "@civicline/platform";
import { RoutingEvent } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { CHASING_STAGES, ChasingStage, type ChasingSeverity } from "./chasing.enums.js";
import { CHASING_DISPATCH_READERS, CHASING_READERS } from "./chasing-access.js";
import { readAlarms, readCounts, stageCounts, unitCounts } from "./chasing-queries.js";
import type { ChasingChangeType, ChasingItemType } from "./chasing.types.js";
import { reconcileChasing, unitKeyOf, type ChasingMove } from "./reconcile.js";
import { CHASING_WARNING_FIRED } from "./warning-timers.js";

/** Topics of `chasingChanged`: one per audience, so a payload is computed once for all its viewers. */
export const ChasingTopic = {
  /** Supervisors, leaders, admins: the whole board. */
  CENTRE: "CHASING_CHANGED:centre",
  /** Dispatchers: the dispatch stage only. */
  DISPATCH: "CHASING_CHANGED:dispatch",
} as const;

/** The topic this viewer's subscription listens to; FORBIDDEN for roles that do not read the board. */
export function chasingTopicFor(input: Actor | null): string {
  const actor = requireRole(input, [...CHASING_READERS, ...CHASING_DISPATCH_READERS]);
  if (hasAnyRole(actor, CHASING_READERS)) {
    return ChasingTopic.CENTRE;
  }
  if (hasAnyRole(actor, CHASING_DISPATCH_READERS)) {
    return ChasingTopic.DISPATCH;
  }
  throw new ForbiddenError();
}

/**
 * Events after which a ticket's place on the board may differ: routing's timer events (near due,
 * overdue, sign-for and dispatch overdue), the board's own dispatch and sign-for warnings, and
 * everything that moves a ticket between stages.
 */
export const CHASING_EVENTS: readonly string[] = [
  RoutingEvent.TICKET_NEAR_DUE,
  RoutingEvent.TICKET_OVERDUE,
  RoutingEvent.SIGN_FOR_OVERDUE,
  RoutingEvent.DISPATCH_OVERDUE,
  CHASING_WARNING_FIRED,
  RoutingEvent.TICKET_DISPATCHED,
  RoutingEvent.TICKET_SIGNED_FOR,
  RoutingEvent.TICKET_REPLIED,
  RoutingEvent.EXTENSION_REQUESTED,
  RoutingEvent.EXTENSION_DECIDED,
  RoutingEvent.TICKET_RETURNED,
  RoutingEvent.RETURN_DECIDED,
  RoutingEvent.DEADLINES_RECOMPUTED,
  TICKET_STATUS_CHANGED,
];

/** A change as it travels through PostgreSQL NOTIFY (dates as ISO strings). */
type WireChange = Omit<ChasingChangeType, "computedAt" | "alarms"> & {
  computedAt: string;
  alarms: Array<Omit<ChasingItemType, "receivedAt" | "dueAt" | "lateSince"> & { receivedAt: string; dueAt: string; lateSince: string }>;
};

/** The number of payloads computed in this process (a test proves one per event, not one per viewer). */
export const chasingPayloadStats = { computed: 0 };

/**
 * The payload of one audience after some tickets moved: the moves, the counts per stage, the moved
 * units' counts and the alarm, read from the counters and the alarm's partial index.
 */
export async function buildChasingChange(dataSource: DataSource, moves: readonly ChasingMove[], stages: readonly ChasingStage[]): Promise<ChasingChangeType> {
  chasingPayloadStats.computed += 1;
  const visible = moves.filter((move) => (move.before && stages.includes(move.before.stage)) || (move.after && stages.includes(move.after.stage)));
  const unitKeys = [...new Set(visible.flatMap((move) => [move.before, move.after].filter((place) => place !== null).map((place) => unitKeyOf(place))))];
  const [all, ofUnits, alarm, numbers] = await Promise.all([
    readCounts(dataSource, stages),
    readCounts(dataSource, stages, unitKeys),
    readAlarms(dataSource, 10),
    dataSource.query("SELECT id, tracking_number FROM intake_ticket WHERE id = ANY($1::uuid[])", [visible.map((move) => move.ticketId)]) as Promise<Array<{ id: string; tracking_number: string }>>,
  ]);
  const trackingOf = new Map(numbers.map((row) => [row.id, row.tracking_number]));
  const within = (place: ChasingMove["before"]) => (place && stages.includes(place.stage) ? place : null);
  return {
    id: randomUUID(),
    computedAt: new Date(),
    moves: visible.map((move) => ({
      ticketId: move.ticketId,
      trackingNumber: trackingOf.get(move.ticketId) ?? "",
      fromStage: within(move.before)?.stage ?? null,
      fromSeverity: (within(move.before)?.severity ?? null) as ChasingSeverity | null,
      toStage: within(move.after)?.stage ?? null,
      toSeverity: (within(move.after)?.severity ?? null) as ChasingSeverity | null,
    })),
    stages: stageCounts(all, stages),
    units: unitCounts(ofUnits, () => true),
    alarms: stages.includes(ChasingStage.WAITING_DISPATCH) ? alarm.alarms : [],
    alarmCount: stages.includes(ChasingStage.WAITING_DISPATCH) ? alarm.alarmCount : 0,
  };
}

/** Back from the wire: dates as dates. */
export function fromWire(value: unknown): ChasingChangeType {
  const wire = value as WireChange;
  return {
    ...wire,
    computedAt: new Date(wire.computedAt),
    alarms: wire.alarms.map((item) => ({ ...item, receivedAt: new Date(item.receivedAt), dueAt: new Date(item.dueAt), lateSince: new Date(item.lateSince) })),
  };
}

/** NOTIFY carries under 8 kB: drop alarm entries from the end (the count stays right) until it fits. */
function fitForNotify(change: ChasingChangeType): ChasingChangeType {
  let fitted = change;
  while (fitted.alarms.length > 0 && Buffer.byteLength(JSON.stringify(fitted)) > 7_000) {
    fitted = { ...fitted, alarms: fitted.alarms.slice(0, -1) };
  }
  return fitted;
}

/** Publishes the change to each audience that can see a move: computed once per audience. */
export async function publishChasingChange(services: AppServices, moves: readonly ChasingMove[]): Promise<void> {
  if (moves.length === 0) {
    return;
  }
  services.pubsub.publish(ChasingTopic.CENTRE, fitForNotify(await buildChasingChange(services.dataSource, moves, CHASING_STAGES)));
  const dispatchStage = [ChasingStage.WAITING_DISPATCH];
  if (moves.some((move) => move.before?.stage === ChasingStage.WAITING_DISPATCH || move.after?.stage === ChasingStage.WAITING_DISPATCH)) {
    services.pubsub.publish(ChasingTopic.DISPATCH, fitForNotify(await buildChasingChange(services.dataSource, moves, dispatchStage)));
  }
}

/**
 * Outbox handlers: each event reconciles its ticket's place on the board (rows and counters in one
 * transaction) and, when it moved, publishes the new figures once per audience.
 */
export function chasingHandlers(services: AppServices): EventHandler[] {
  return CHASING_EVENTS.map((eventType) => ({
    name: `supervision.chasing.${eventType}`,
    eventType,
    handle: async (event) => {
      const ticketId = typeof event.payload.ticketId === "string" ? event.payload.ticketId : null;
      if (!ticketId) {
        return;
      }
      const moves = await services.dataSource.transaction((manager) => reconcileChasing(manager, [ticketId]));
      await publishChasingChange(services, moves);
    },
  }));
}
