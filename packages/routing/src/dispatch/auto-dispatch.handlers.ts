import { TICKET_RECEIVED, TICKET_STATUS_CHANGED, TicketStatus } from "@civicline/intake";
import type { EventHandler, StoredEvent } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { autoDispatch, autoDispatchMany } from "./auto-dispatch.js";

/** Whether a status change is a call-taker sending a ticket to dispatch. */
function sentToDispatch(event: StoredEvent): boolean {
  return event.payload.from === TicketStatus.RECEIVED && event.payload.to === TicketStatus.AWAITING_DISPATCH;
}

/**
 * Auto-dispatch reacts to intake's events (after commit, at least once; autoDispatch is
 * idempotent): a ticket received, and a ticket a call-taker sent to dispatch (RECEIVED →
 * AWAITING_DISPATCH; a return also lands in AWAITING_DISPATCH, from another status, and is left
 * to the dispatcher).
 */
export function autoDispatchHandlers(dataSource: DataSource): EventHandler[] {
  return [
    {
      name: "routing.auto-dispatch-on-receipt",
      eventType: TICKET_RECEIVED,
      handle: async (event) => {
        await autoDispatch(dataSource, { ticketId: String(event.payload.ticketId), trigger: "received" });
      },
      handleMany: async (events) => {
        await autoDispatchMany(
          dataSource,
          events.map((event) => ({ ticketId: String(event.payload.ticketId), trigger: "received" })),
        );
      },
    },
    {
      name: "routing.auto-dispatch-on-send-to-dispatch",
      eventType: TICKET_STATUS_CHANGED,
      handle: async (event) => {
        if (sentToDispatch(event)) {
          await autoDispatch(dataSource, { ticketId: String(event.payload.ticketId), trigger: "sent_to_dispatch" });
        }
      },
      handleMany: async (events) => {
        await autoDispatchMany(
          dataSource,
          events.filter(sentToDispatch).map((event) => ({ ticketId: String(event.payload.ticketId), trigger: "sent_to_dispatch" })),
        );
      },
    },
  ];
}
