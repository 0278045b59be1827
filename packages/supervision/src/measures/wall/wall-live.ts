import { CallbackEvent } from "@civicline/callback";
import { TICKET_ANSWERED_DIRECTLY, TICKET_RECEIVED, TICKET_STATUS_CHANGED } from "@civicline/intake";
import { requireRole, type Actor, type AppServices, type EventHandler } from "@civicline/platform";
import { CHASING_READERS } from "../../chasing/chasing-access.js";
import { CHASING_EVENTS } from "../../chasing/chasing-live.js";
import { buildWallboard, noHotIssues, type HotIssueSource } from "./wall-figures.js";
import type { WallboardType } from "./wall.types.js";

/** The one topic of `wallboardChanged`: every viewer sees the same wall, so one payload serves all. */
export const WALLBOARD_TOPIC = "WALLBOARD_CHANGED";

/** Who may read the wall: the centre (supervisors, leaders, admins), as the chasing board. */
export const WALL_READERS = CHASING_READERS;

/** The topic for this viewer; FORBIDDEN for anyone else, UNAUTHENTICATED without a session. */
export function wallboardTopicFor(actor: Actor | null): string {
  requireRole(actor, WALL_READERS);
  return WALLBOARD_TOPIC;
}

/**
 * Events after which a wall figure may differ: a ticket received, answered on the spot or changing
 * status; everything that moves the chasing board (dispatch, timers, replies …); callback tasks
 * opening and closing; a survey answered. Registered after the chasing handlers, so the board's
 * counters have moved before the wall reads them (the outbox runs one event's handlers in order).
 */
export const WALL_EVENTS: readonly string[] = [
  ...new Set([
    TICKET_RECEIVED,
    TICKET_ANSWERED_DIRECTLY,
    TICKET_STATUS_CHANGED,
    ...CHASING_EVENTS,
    CallbackEvent.TASK_CREATED,
    CallbackEvent.TASK_CLOSED,
    CallbackEvent.SURVEY_ANSWERED,
  ]),
];

/** The wall as it travels through PostgreSQL NOTIFY (dates as ISO strings). */
type WireWall = Omit<WallboardType, "computedAt"> & { computedAt: string };

/** Back from the wire: dates as dates. */
export function wallFromWire(value: unknown): WallboardType {
  const wire = value as WireWall;
  return { ...wire, computedAt: new Date(wire.computedAt) };
}

/** Computes the wall once and publishes it to every viewer on every instance. */
export async function publishWallboard(services: AppServices, hotIssues: HotIssueSource = noHotIssues): Promise<void> {
  const now = services.now?.() ?? new Date();
  services.pubsub.publish(WALLBOARD_TOPIC, await buildWallboard({ dataSource: services.dataSource, now, hotIssues }));
}

/** Outbox handlers: after each event that can change a wall figure, one computation for everyone. */
export function wallEventHandlers(services: AppServices, hotIssues: HotIssueSource = noHotIssues): EventHandler[] {
  return WALL_EVENTS.map((eventType) => ({
    name: `supervision.wall.${eventType}`,
    eventType,
    handle: async () => {
      // Nobody watching anywhere is not knowable from one instance (viewers may be on another): always publish.
      await publishWallboard(services, hotIssues);
    },
  }));
}
