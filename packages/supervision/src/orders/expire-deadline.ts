import { scheduleTimer } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockOrder } from "./order-access.js";
import { escalationTimerKey, ORDER_ESCALATION_TIMER } from "./order-lifecycle.js";
import { OrderLevel, OrderState } from "./order.enums.js";
import { SupervisionOrder } from "./order.entity.js";

/**
 * Development and end-to-end tests only (the gateway mounts it with the development tools): moves an
 * open order's response deadline to `now` and re-arms its escalation timer there, so the running
 * timer service escalates it by itself as if its deadline had passed. Resolves to whether it did.
 */
export async function expireOrderDeadline(dataSource: DataSource, input: { orderId: string; now?: Date }): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const { order } = await lockOrder(manager, input.orderId);
    if (order.state !== OrderState.OPEN || order.level === OrderLevel.LISTED) {
      return false;
    }
    const dueAt = input.now ?? new Date();
    await manager.update(SupervisionOrder, { id: order.id }, { responseDueAt: dueAt });
    await scheduleTimer(manager, { key: escalationTimerKey(order.id), type: ORDER_ESCALATION_TIMER, dueAt, payload: { orderId: order.id, level: order.level, dueAt: dueAt.toISOString() } });
    return true;
  });
}
