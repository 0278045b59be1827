import type { TestDatabase } from "@civicline/platform/testing";
import { issueTrackingAccess } from "../portal/tracking-access.js";
import { trackTicket } from "../ticket/ticket-queries.js";

/** What the citizen sees after verifying a one-time code for this ticket (the OTP itself is tested elsewhere). */
export async function trackAsCitizen(db: TestDatabase, ticket: { id: string; trackingNumber: string }) {
  const { accessToken } = await issueTrackingAccess(db.dataSource, { ticketId: ticket.id, now: new Date() });
  return trackTicket(db.dataSource, { trackingNumber: ticket.trackingNumber, accessToken });
}
