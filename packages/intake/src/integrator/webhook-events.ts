import { enqueueWebhookEvent, WebhookEventType, type EventHandler, type StoredEvent } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { TICKET_RECEIVED } from "../ticket/create-ticket.js";
import { TICKET_STATUS_CHANGED } from "../ticket/ticket-lifecycle.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { TicketStatus } from "../ticket/ticket.enums.js";

/** The webhook event a ticket's status change is, if any. */
export function webhookEventOfStatusChange(from: string, to: string): WebhookEventType | null {
  if (to === TicketStatus.DISPATCHED) {
    return from === TicketStatus.REPLIED || from === TicketStatus.CLOSED ? WebhookEventType.TICKET_RE_REPORTED : WebhookEventType.TICKET_DISPATCHED;
  }
  if (to === TicketStatus.REPLIED) {
    return WebhookEventType.TICKET_REPLIED;
  }
  if (to === TicketStatus.CLOSED || to === TicketStatus.CLOSED_DIRECT) {
    return WebhookEventType.TICKET_CLOSED;
  }
  return null;
}

async function queue(dataSource: DataSource, event: StoredEvent, type: WebhookEventType, extra: Record<string, unknown>): Promise<void> {
  const ticketId = String(event.payload.ticketId ?? "");
  const ticket = await dataSource.getRepository(Ticket).findOne({ where: { id: ticketId }, select: { id: true, createdBy: true, trackingNumber: true, status: true } });
  if (!ticket?.createdBy) {
    return;
  }
  // The outbox event's id: the same when the outbox hands the event over again, so nothing is queued twice.
  await enqueueWebhookEvent(dataSource, {
    integratorId: ticket.createdBy,
    id: `evt_${event.id}`,
    type,
    occurredAt: event.occurredAt,
    data: { trackingNumber: ticket.trackingNumber, ...extra },
  });
}

/**
 * Ticket events for the webhooks of the integrator that created the ticket (no one else's: an
 * integrator hears only about its own tickets, as it reads only its own). One lookup by primary key
 * and one insert per event, whatever the number of webhooks.
 */
export function integratorWebhookHandlers(dataSource: DataSource): EventHandler[] {
  return [
    {
      name: "intake.webhooks.received",
      eventType: TICKET_RECEIVED,
      handle: (event) => queue(dataSource, event, WebhookEventType.TICKET_RECEIVED, { status: TicketStatus.RECEIVED.toUpperCase() }),
    },
    {
      name: "intake.webhooks.status",
      eventType: TICKET_STATUS_CHANGED,
      handle: async (event) => {
        const from = String(event.payload.from ?? "");
        const to = String(event.payload.to ?? "");
        const type = webhookEventOfStatusChange(from, to);
        if (type) {
          await queue(dataSource, event, type, { status: to.toUpperCase(), previousStatus: from.toUpperCase() });
        }
      },
    },
  ];
}
