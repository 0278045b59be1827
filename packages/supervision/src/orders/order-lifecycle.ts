import { TicketHistoryKind, recordTicketEvent } from "@civicline/intake";
import { cancelTimer, notify, scheduleTimer, tableHolds, updateState, type Actor, type TransitionTable } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { invalidTransition } from "./order.errors.js";
import { OrderAction, OrderLevel, OrderState } from "./order.enums.js";
import { recordOrderEvent } from "./order.events.js";
import { SupervisionOrderEvent } from "./order-event.entity.js";
import { SupervisionOrder } from "./order.entity.js";

const S = OrderState;

/** What moves an order. ISSUED is its first step (no transition). */
export type OrderStepAction = Exclude<OrderAction, "ISSUED">;

/**
 * Every allowed state change; nothing else in civicline assigns `supervisionOrder.state`. An
 * unanswered order is never closed (SUPERVISION/ORDER_NOT_ANSWERED): it is answered or escalated.
 * Escalation keeps the order open at a higher level with a new deadline; a send-back reopens it.
 */
export const ORDER_TRANSITIONS: TransitionTable<OrderState, OrderStepAction> = {
  [S.OPEN]: [
    { action: OrderAction.ANSWERED, to: S.ANSWERED },
    { action: OrderAction.ESCALATED, to: S.OPEN },
  ],
  [S.ANSWERED]: [
    { action: OrderAction.CLOSED, to: S.CLOSED },
    { action: OrderAction.SENT_BACK, to: S.OPEN },
    { action: OrderAction.ESCALATED, to: S.OPEN },
  ],
  [S.CLOSED]: [],
};

/** The history kind each order step writes on the ticket. */
const HISTORY_KIND: Record<OrderAction, TicketHistoryKind> = {
  [OrderAction.ISSUED]: TicketHistoryKind.SUPERVISION_ORDER_ISSUED,
  [OrderAction.ANSWERED]: TicketHistoryKind.SUPERVISION_ORDER_ANSWERED,
  [OrderAction.ESCALATED]: TicketHistoryKind.SUPERVISION_ORDER_ESCALATED,
  [OrderAction.SENT_BACK]: TicketHistoryKind.SUPERVISION_ORDER_SENT_BACK,
  [OrderAction.CLOSED]: TicketHistoryKind.SUPERVISION_ORDER_CLOSED,
};

/** The actor the escalation timer and the automatic reminder write as. */
export const SYSTEM_ACTOR: Actor = { kind: "staff", id: "00000000-0000-4000-8000-00000000d0b0", name: "system", roles: [], unitId: null };

/** The durable timer that escalates an unanswered order. */
export const ORDER_ESCALATION_TIMER = "supervision.order_escalation";

export function escalationTimerKey(orderId: string): string {
  return `supervision:order:${orderId}:escalation`;
}

/** Arms (or re-arms) the escalation timer of an open order below the top level; cancels it otherwise. */
async function syncEscalationTimer(manager: EntityManager, order: SupervisionOrder): Promise<void> {
  if (order.state === S.OPEN && order.level !== OrderLevel.LISTED) {
    await scheduleTimer(manager, {
      key: escalationTimerKey(order.id),
      type: ORDER_ESCALATION_TIMER,
      dueAt: order.responseDueAt,
      payload: { orderId: order.id, level: order.level, dueAt: order.responseDueAt.toISOString() },
    });
  } else {
    await cancelTimer(manager, escalationTimerKey(order.id));
  }
}

/** Tells the leadership (every active leader) about an order that is (now) listed supervision. */
async function reportToLeadership(manager: EntityManager, order: SupervisionOrder, trackingNumber: string): Promise<void> {
  const leaders: Array<{ id: string }> = await manager.query("SELECT id FROM platform_user WHERE active AND 'leader' = ANY(roles)");
  await notify(manager, {
    recipientIds: leaders.map((row) => row.id),
    kind: "supervision.order_listed",
    titleKey: "notify.supervision.listed",
    params: { trackingNumber },
    link: `orders/${order.id}`,
    dedupeKey: `supervision:order:${order.id}:listed`,
  });
}

/** Tells the unit's handlers that an order waits for their answer. */
async function tellUnit(manager: EntityManager, order: SupervisionOrder, trackingNumber: string, step: string): Promise<void> {
  const handlers: Array<{ id: string }> = await manager.query("SELECT id FROM platform_user WHERE active AND unit_id = $1 AND 'handler' = ANY(roles)", [order.unitId]);
  await notify(manager, {
    recipientIds: handlers.map((row) => row.id),
    kind: "supervision.order_waiting",
    titleKey: "notify.supervision.waiting",
    params: { trackingNumber },
    link: "workbench",
    dedupeKey: `supervision:order:${order.id}:${step}`,
  });
}

/**
 * What every step writes besides the order row: the order's own timeline entry, the ticket's
 * internal history row (`SUPERVISION_ORDER_*`), the outbox event for live updates, the escalation
 * timer, and the notices (the unit when it must answer; the leadership when listed).
 */
async function recordStep(
  manager: EntityManager,
  input: { order: SupervisionOrder; action: OrderAction; actor: Actor; note: string | null; dueAt: Date | null; automatic: boolean; at: Date; notifyKey: string },
): Promise<void> {
  const { order, action, actor } = input;
  await manager.insert(SupervisionOrderEvent, {
    orderId: order.id,
    at: input.at,
    action,
    level: order.level,
    actorName: actor.name,
    note: input.note,
    dueAt: input.dueAt,
    automatic: input.automatic,
  });
  const ticket = await recordTicketEvent(manager, {
    ticketId: order.ticketId,
    actor,
    kind: HISTORY_KIND[action],
    reason: [order.level, input.note].filter(Boolean).join(": "),
  });
  await recordOrderEvent(
    manager,
    { orderId: order.id, ticketId: order.ticketId, unitIds: [order.unitId], action, level: order.level, state: order.state, automatic: input.automatic },
    actor.id === SYSTEM_ACTOR.id ? null : actor.id,
  );
  await syncEscalationTimer(manager, order);
  if (order.state === S.OPEN) {
    await tellUnit(manager, order, ticket.trackingNumber, input.notifyKey);
  }
  if (order.state === S.OPEN && order.level === OrderLevel.LISTED) {
    await reportToLeadership(manager, order, ticket.trackingNumber);
  }
}

/** Inserts a new OPEN order and writes its ISSUED step. The caller checked the ticket and the rules. */
export async function insertOrder(
  manager: EntityManager,
  input: {
    values: Pick<SupervisionOrder, "ticketId" | "assignmentId" | "unitId" | "level" | "reason" | "auto" | "responseDueAt" | "issuedAt">;
    actor: Actor;
  },
): Promise<SupervisionOrder> {
  const { actor, values } = input;
  const order = await manager.save(
    SupervisionOrder,
    Object.assign(new SupervisionOrder(), {
      ...values,
      state: S.OPEN,
      issuedById: actor.id === SYSTEM_ACTOR.id ? null : actor.id,
      issuedByName: actor.name,
      escalations: 0,
      sendBacks: 0,
    }),
  );
  await recordStep(manager, { order, action: OrderAction.ISSUED, actor, note: values.reason, dueAt: values.responseDueAt, automatic: values.auto, at: values.issuedAt, notifyKey: "issued" });
  return order;
}

/** Order columns a step writes together with the state. */
export type OrderChanges = Partial<
  Pick<SupervisionOrder, "level" | "responseDueAt" | "answerText" | "expectedDoneAt" | "answeredAt" | "answeredByName" | "escalations" | "sendBacks" | "closedAt" | "closedByName" | "closeNote">
>;

/**
 * Moves a (locked) order by `action` if the table allows it (SUPERVISION/INVALID_TRANSITION
 * otherwise, nothing written), with `changes` in the same update guarded by the state read
 * (CONFLICT if the row moved meanwhile), and writes the step's timeline entry, history row, event,
 * timer and notices. Updates and returns the given object.
 */
export async function transitionOrder(
  manager: EntityManager,
  input: { order: SupervisionOrder; action: OrderStepAction; actor: Actor; changes: OrderChanges; note: string | null; dueAt: Date | null; automatic?: boolean; at: Date },
): Promise<SupervisionOrder> {
  const { order, action } = input;
  const from = order.state;
  const to = ORDER_TRANSITIONS[from].find((step) => step.action === action)?.to;
  if (!to || !tableHolds(ORDER_TRANSITIONS, from, to, action)) {
    throw invalidTransition({ from, to: to ?? "?", action });
  }
  const set = { ...input.changes, state: to };
  await updateState(manager, SupervisionOrder, { id: order.id, from, set });
  Object.assign(order, set);
  const notifyKey = `${action}:${order.level}:${order.escalations}:${order.sendBacks}`;
  await recordStep(manager, { order, action, actor: input.actor, note: input.note, dueAt: input.dueAt, automatic: input.automatic ?? false, at: input.at, notifyKey });
  return order;
}
