import { assertNoFieldErrors, ForbiddenError, requireRole, Role, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockOrder } from "./order-access.js";
import { transitionOrder } from "./order-lifecycle.js";
import { notYourUnit, ORDER_TEXT, requiredText } from "./order.errors.js";
import { OrderAction, OrderState } from "./order.enums.js";
import type { SupervisionOrder } from "./order.entity.js";
import { invalidTransition } from "./order.errors.js";

/** What the unit answers: what was done, and when the matter will be finished. */
export type AnswerOrderRequest = { orderId: string; text: string; expectedDoneAt: Date };

function validate(request: AnswerOrderRequest, now: Date): { errors: FieldError[]; text: string } {
  const errors: FieldError[] = [];
  const text = requiredText(errors, "text", request.text, { ...ORDER_TEXT.answer, label: "answer" });
  const done = request.expectedDoneAt;
  if (!(done instanceof Date) || Number.isNaN(done.getTime())) {
    errors.push({ field: "expectedDoneAt", code: "REQUIRED", message: "Say when the matter will be finished." });
  } else if (done.getTime() < now.getTime() - 24 * 3600_000) {
    errors.push({ field: "expectedDoneAt", code: "IN_THE_PAST", message: "The expected finish cannot lie in the past (today at the earliest)." });
  }
  return { errors, text };
}

/**
 * A handler of the unit the order is addressed to answers it (SUPERVISION/NOT_YOUR_UNIT for any other
 * unit); the escalation timer is cancelled in the same transaction.
 */
export async function answerOrder(dataSource: DataSource, input: { actor: Actor | null; request: AnswerOrderRequest; now?: Date }): Promise<SupervisionOrder> {
  const actor = requireRole(input.actor, [Role.HANDLER]);
  if (!actor.unitId) {
    throw new ForbiddenError("Your account is not attached to a handling unit.");
  }
  const now = input.now ?? new Date();
  const { errors, text } = validate(input.request, now);
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const { order } = await lockOrder(manager, input.request.orderId);
    if (order.unitId !== actor.unitId) {
      throw notYourUnit();
    }
    if (order.state !== OrderState.OPEN) {
      throw invalidTransition({ from: order.state, to: OrderState.ANSWERED, action: OrderAction.ANSWERED });
    }
    return transitionOrder(manager, {
      order,
      action: OrderAction.ANSWERED,
      actor,
      changes: { answerText: text, expectedDoneAt: input.request.expectedDoneAt, answeredAt: now, answeredByName: actor.name },
      note: text,
      dueAt: input.request.expectedDoneAt,
      at: now,
    });
  });
}
