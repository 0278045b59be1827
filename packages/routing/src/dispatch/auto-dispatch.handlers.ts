import { TICKET_RECEIVED, TICKET_STATUS_CHANGED, TicketStatus } from "@civicline/intake";
import type { EventHandler } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { autoDispatch } from "./auto-dispatch.js";

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
    },
    {
      name: "routing.auto-dispatch-on-send-to-dispatch",
      eventType: TICKET_STATUS_CHANGED,
      handle: async (event) => {
        if (event.payload.from === TicketStatus.RECEIVED && event.payload.to === TicketStatus.AWAITING_DISPATCH) {
          await autoDispatch(dataSource, { ticketId: String(event.payload.ticketId), trigger: "sent_to_dispatch" });
        }
      },
    },
  ];
}
