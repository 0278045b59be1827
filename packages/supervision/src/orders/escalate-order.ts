import { FINISHED_STATUSES } from "@civicline/intake";
import { addWorkingTime, assertNoFieldErrors, loadWorkingCalendar, requireRole, type Actor, type AppServices, type FieldError, type TimerHandler } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { lockOrder, openLevelsOf } from "./order-access.js";
import { ORDER_ESCALATION_TIMER, SYSTEM_ACTOR, transitionOrder } from "./order-lifecycle.js";
import { invalidTransition, isUuid, ORDER_ISSUERS, ORDER_TEXT, optionalText, topLevel } from "./order.errors.js";
import { ORDER_LEVELS, OrderAction, OrderLevel, OrderState } from "./order.enums.js";
import { loadOrderSettings, responseMinutesFor } from "./order-settings.js";
import { SupervisionOrder } from "./order.entity.js";

/** The next level above `level` that no other open order of the ticket holds, or null. */
function targetLevel(level: OrderLevel, taken: readonly string[]): OrderLevel | null {
  return ORDER_LEVELS.slice(ORDER_LEVELS.indexOf(level) + 1).find((candidate) => !taken.includes(candidate)) ?? null;
}

/** Raises a locked order to the next free level with that level's response time from `now`; null when there is none. */
async function escalateLocked(manager: EntityManager, input: { order: SupervisionOrder; actor: Actor; note: string | null; automatic: boolean; now: Date }): Promise<SupervisionOrder | null> {
  const { order, now } = input;
  const level = targetLevel(order.level, await openLevelsOf(manager, order.ticketId, order.id));
  if (!level) {
    return null;
  }
  const responseDueAt = addWorkingTime(await loadWorkingCalendar(manager), now, responseMinutesFor(await loadOrderSettings(manager), level));
  return transitionOrder(manager, {
    order,
    action: OrderAction.ESCALATED,
    actor: input.actor,
    changes: { level, responseDueAt, escalations: order.escalations + 1 },
    note: input.note,
    dueAt: responseDueAt,
    automatic: input.automatic,
    at: now,
  });
}

/**
 * A supervisor escalates an open or answered order by hand to the next level (the one above that no
 * other open order of the ticket holds), with a new response deadline; SUPERVISION/ORDER_AT_TOP_LEVEL
 * when there is none.
 */
export async function escalateOrder(dataSource: DataSource, input: { actor: Actor | null; orderId: string; note?: string | null; now?: Date }): Promise<SupervisionOrder> {
  const actor = requireRole(input.actor, ORDER_ISSUERS);
  const errors: FieldError[] = [];
  const note = optionalText(errors, "note", input.note, ORDER_TEXT.note.max, "note");
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { order } = await lockOrder(manager, input.orderId);
    if (order.state === OrderState.CLOSED) {
      throw invalidTransition({ from: order.state, to: OrderState.OPEN, action: OrderAction.ESCALATED });
    }
    const escalated = await escalateLocked(manager, { order, actor, note, automatic: false, now });
    if (!escalated) {
      throw topLevel();
    }
    return escalated;
  });
}

/**
 * The response deadline passed: if the order is still open at the level and deadline the timer was
 * armed for, it rises one level. The timer row is marked fired in this same transaction, so this
 * happens once, whichever instance fires it and however often it is retried after a crash; a stale
 * timer (answered, sent back, escalated by hand meanwhile) changes nothing, nor does one whose ticket
 * was closed or merged meanwhile.
 */
async function fireEscalation(manager: EntityManager, payload: Record<string, unknown>, now: Date): Promise<void> {
  const orderId = String(payload.orderId ?? "");
  if (!isUuid(orderId) || !(await manager.existsBy(SupervisionOrder, { id: orderId }))) {
    return;
  }
  const { ticket, order } = await lockOrder(manager, orderId);
  if (order.state !== OrderState.OPEN || order.level !== payload.level || order.responseDueAt.toISOString() !== payload.dueAt) {
    return;
  }
  // A ticket that was closed (or merged) meanwhile is not chased further.
  if (FINISHED_STATUSES.includes(ticket.status)) {
    return;
  }
  await escalateLocked(manager, { order, actor: SYSTEM_ACTOR, note: null, automatic: true, now });
}

/** The escalation timer's handler (the gateway's TimerService runs it). */
export function orderTimerHandlers(services: Pick<AppServices, "now">): TimerHandler[] {
  return [{ type: ORDER_ESCALATION_TIMER, name: "supervision.order-escalation", handle: (timer, manager) => fireEscalation(manager, timer.payload, services.now?.() ?? new Date()) }];
}
