import type { Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { createTicket, TICKET_RECEIVED } from "./create-ticket.js";
import type { Ticket } from "./ticket.entity.js";
import type { Channel, Privacy, RequestType, Urgency } from "./ticket.enums.js";

export { TICKET_RECEIVED };

export type SubmitRequestOptions = {
  /** A DataSource, or an EntityManager already in a transaction (the change then joins it). */
  db: DataSource | EntityManager;
  cityPrefix: string;
  actor: Actor | null;
  channel: Channel;
  input: {
    requestType: RequestType;
    categoryId: string;
    description: string;
    districtId: string;
    townshipId?: string | null;
    address: string;
    citizenName: string;
    phone: string;
    urgency?: Urgency;
    /** Imports only; the portal form has no privacy choice yet (REPORT is confidential anyway). */
    privacy?: Privacy;
  };
  /** For demo data and imports: when the request was received. */
  receivedAt?: Date;
};

/**
 * Receives a request from the portal (or an import): validated and stored like a logged call, but
 * the category's extra fields are not required (the portal form does not ask for them yet).
 * Whistle-blowing reports are stored as confidential.
 */
export function submitRequest(options: SubmitRequestOptions): Promise<Ticket> {
  return createTicket({ ...options, enforceExtraFields: false });
}
