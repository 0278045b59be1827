import { addWorkingTime, assertNoFieldErrors, loadWorkingCalendar, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockOrder } from "./order-access.js";
import { transitionOrder } from "./order-lifecycle.js";
import { notAnswered, ORDER_ISSUERS, ORDER_TEXT, optionalText, requiredText } from "./order.errors.js";
import { OrderAction, OrderState } from "./order.enums.js";
import { loadOrderSettings, responseMinutesFor, RESPONSE_MINUTES_LIMITS } from "./order-settings.js";
import type { SupervisionOrder } from "./order.entity.js";

/**
 * The supervisor closes an answered order as satisfied. An unanswered order cannot be closed
 * (SUPERVISION/ORDER_NOT_ANSWERED): the unit answers it first, or the supervisor escalates it.
 */
export async function closeOrder(dataSource: DataSource, input: { actor: Actor | null; orderId: string; note?: string | null; now?: Date }): Promise<SupervisionOrder> {
  const actor = requireRole(input.actor, ORDER_ISSUERS);
  const errors: FieldError[] = [];
  const note = optionalText(errors, "note", input.note, ORDER_TEXT.note.max, "note");
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { order } = await lockOrder(manager, input.orderId);
    if (order.state === OrderState.OPEN) {
      throw notAnswered();
    }
    return transitionOrder(manager, { order, action: OrderAction.CLOSED, actor, changes: { closedAt: now, closedByName: actor.name, closeNote: note }, note, dueAt: null, at: now });
  });
}

/**
 * The supervisor is not satisfied with the answer: the order reopens (OPEN, same level) with a new
 * response deadline — `responseWorkingMinutes` from now, or the level's default — and its escalation
 * timer is armed again. The reason is required.
 */
export async function sendBackOrder(
  dataSource: DataSource,
  input: { actor: Actor | null; orderId: string; reason: string; responseWorkingMinutes?: number | null; now?: Date },
): Promise<SupervisionOrder> {
  const actor = requireRole(input.actor, ORDER_ISSUERS);
  const errors: FieldError[] = [];
  const reason = requiredText(errors, "reason", input.reason, { ...ORDER_TEXT.reason, label: "reason" });
  const minutes = input.responseWorkingMinutes;
  if (minutes !== null && minutes !== undefined && (!Number.isInteger(minutes) || minutes < RESPONSE_MINUTES_LIMITS.min || minutes > RESPONSE_MINUTES_LIMITS.max)) {
    errors.push({ field: "responseWorkingMinutes", code: "OUT_OF_RANGE", message: `Give ${RESPONSE_MINUTES_LIMITS.min} to ${RESPONSE_MINUTES_LIMITS.max} working minutes.` });
  }
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { order } = await lockOrder(manager, input.orderId);
    if (order.state === OrderState.OPEN) {
      throw notAnswered();
    }
    const span = minutes ?? responseMinutesFor(await loadOrderSettings(manager), order.level);
    const responseDueAt = addWorkingTime(await loadWorkingCalendar(manager), now, span);
    return transitionOrder(manager, {
      order,
      action: OrderAction.SENT_BACK,
      actor,
      changes: { responseDueAt, sendBacks: order.sendBacks + 1, answerText: null, expectedDoneAt: null, answeredAt: null, answeredByName: null },
      note: reason,
      dueAt: responseDueAt,
      at: now,
    });
  });
}
