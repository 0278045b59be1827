import { maskPhone, type SmsSender } from "@civicline/platform";
import type { Ticket } from "../ticket/ticket.entity.js";

/** The link in a tracking SMS: the portal's track page with the number filled in. */
export function trackingLink(publicBaseUrl: string, trackingNumber: string): string {
  return `${publicBaseUrl}/track?n=${encodeURIComponent(trackingNumber)}`;
}

/**
 * Texts a new ticket's tracking number and link to the citizen (after the ticket was committed);
 * answers the masked phone at once: the text leaves in the background (a slow SMS gateway never
 * holds up the answer), and the sender logs a failure rather than throwing.
 */
export function sendTrackingNumber(sms: SmsSender, publicBaseUrl: string, ticket: Pick<Ticket, "trackingNumber" | "citizenPhone">): string {
  const link = trackingLink(publicBaseUrl, ticket.trackingNumber);
  void sms.send({
    to: ticket.citizenPhone,
    text: `【12345】您的诉求已受理，受理编号 ${ticket.trackingNumber}，查询进度：${link} Your request was received: ${ticket.trackingNumber}. Track it: ${link}`,
    purpose: "tracking-number",
  });
  return maskPhone(ticket.citizenPhone);
}
