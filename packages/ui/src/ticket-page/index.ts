export { TicketDossierView, TicketPage, TicketPageLink, useTicketPageT, type TicketPagePanel, type TicketPagePanelProps, type TicketPageProps } from "./TicketPage.tsx";
export { ticketPageMessages, type TicketPageMessageKey } from "./messages.ts";
export type { TicketDossierData, TicketDossierDocument } from "./types.ts";

/** Whether an in-app path is a ticket page (`tickets/<tracking number>`), and which number. */
export function ticketPageNumber(path: string): string | null {
  const match = /^tickets\/([A-Za-z]{1,6}-\d{8}-\d{5,})$/u.exec(path);
  return match ? match[1]!.toUpperCase() : null;
}
