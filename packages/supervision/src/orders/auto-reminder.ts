import { FINISHED_STATUSES } from "@civicline/intake";
import type { AppServices, EventHandler } from "@civicline/platform";
import { RoutingEvent } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { issueOrderInTransaction } from "./issue-order.js";
import { lockTicket, openLevelsOf } from "./order-access.js";
import { SYSTEM_ACTOR } from "./order-lifecycle.js";
import { isUuid } from "./order.errors.js";
import { OrderLevel } from "./order.enums.js";
import { loadOrderSettings } from "./order-settings.js";
import type { SupervisionOrder } from "./order.entity.js";

/** The reason an automatic reminder carries (both languages: it is shown as written). */
export const AUTO_REMINDER_REASON = "工单已超过办理期限，系统自动提醒。The ticket passed its completion deadline: automatic reminder.";

/**
 * Routing says an assignment became overdue: when the setting is on, issue a REMINDER to its lead unit
 * as the system. Once per assignment: a redelivered event finds the automatic order of that
 * assignment (unique index `supervision_order_auto_key`) and does nothing; nor when the ticket is
 * finished, moved on to another assignment, or already has an open reminder.
 */
export async function remindOnOverdue(dataSource: DataSource, input: { ticketId: string; assignmentId: string; now: Date }): Promise<SupervisionOrder | null> {
  if (!isUuid(input.ticketId) || !isUuid(input.assignmentId)) {
    return null;
  }
  return dataSource.transaction(async (manager) => {
    if (!(await loadOrderSettings(manager)).autoReminderOnOverdue) {
      return null;
    }
    const ticket = await lockTicket(manager, input.ticketId).catch(() => null);
    if (!ticket || FINISHED_STATUSES.includes(ticket.status)) {
      return null;
    }
    const [current]: Array<{ id: string }> = await manager.query("SELECT id FROM routing_assignment WHERE ticket_id = $1 AND current", [ticket.id]);
    if (current?.id !== input.assignmentId) {
      return null;
    }
    const [done]: Array<{ id: string }> = await manager.query("SELECT id FROM supervision_order WHERE assignment_id = $1 AND auto", [input.assignmentId]);
    if (done || (await openLevelsOf(manager, ticket.id, null)).includes(OrderLevel.REMINDER)) {
      return null;
    }
    return issueOrderInTransaction(manager, {
      actor: SYSTEM_ACTOR,
      request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: AUTO_REMINDER_REASON },
      reason: AUTO_REMINDER_REASON,
      now: input.now,
      auto: true,
    });
  });
}

/** The outbox handler: routing's TICKET_OVERDUE → an automatic reminder. */
export function orderEventHandlers(services: Pick<AppServices, "dataSource" | "now">): EventHandler[] {
  return [
    {
      name: "supervision.remind-on-overdue",
      eventType: RoutingEvent.TICKET_OVERDUE,
      handle: async (event) => {
        await remindOnOverdue(services.dataSource, {
          ticketId: String(event.payload.ticketId ?? ""),
          assignmentId: String(event.payload.assignmentId ?? ""),
          now: services.now?.() ?? new Date(),
        });
      },
    },
  ];
}
