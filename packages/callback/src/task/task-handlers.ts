import { TICKET_ANSWERED_DIRECTLY, TICKET_STATUS_CHANGED, TicketStatus } from "@civicline/intake";
import { Role, hasAnyRole, type Actor, type EventHandler } from "@civicline/platform";
import { RoutingEvent } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { isUuid } from "../callback.errors.js";
import { CallbackTask } from "./callback-task.entity.js";
import { cancelTasksOfMovedTicket, createDirectAnswerSurvey, createReplyTask } from "./create-tasks.js";

/**
 * Callback reacts to the earlier domains' events (after commit, at least once; each step is
 * idempotent): a reply creates its callback task, a direct answer may be sampled for a survey, and
 * a ticket that leaves REPLIED another way loses its open task.
 */
export function callbackTaskHandlers(dataSource: DataSource): EventHandler[] {
  return [
    {
      name: "callback.task-on-reply",
      eventType: RoutingEvent.TICKET_REPLIED,
      handle: async (event) => {
        const assignmentId = event.payload.assignmentId;
        if (isUuid(assignmentId)) {
          await createReplyTask(dataSource, { assignmentId });
        }
      },
    },
    {
      name: "callback.survey-on-direct-answer",
      eventType: TICKET_ANSWERED_DIRECTLY,
      handle: async (event) => {
        const ticketId = event.payload.ticketId;
        if (isUuid(ticketId)) {
          await createDirectAnswerSurvey(dataSource, { ticketId, answeredAt: event.occurredAt });
        }
      },
    },
    {
      name: "callback.cancel-when-ticket-moves-on",
      eventType: TICKET_STATUS_CHANGED,
      handle: async (event) => {
        const ticketId = event.payload.ticketId;
        if (event.payload.from === TicketStatus.REPLIED && event.payload.to !== TicketStatus.REPLIED && isUuid(ticketId)) {
          await cancelTasksOfMovedTicket(dataSource, { ticketId });
        }
      },
    },
  ];
}

/** Callback agents may read (through intake's `ticket(id)`) the tickets they have callback tasks for. */
export async function callbackAgentMayViewTicket(dataSource: DataSource, actor: Actor, ticketId: string): Promise<boolean> {
  return hasAnyRole(actor, [Role.CALLBACK_AGENT]) && dataSource.getRepository(CallbackTask).exists({ where: { ticketId } });
}
