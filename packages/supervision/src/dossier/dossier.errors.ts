import { DomainError } from "@civicline/platform";

/** Error codes of the ticket page (dossier). */
export const DossierErrorCode = {
  /** Unknown tracking number, or a ticket the viewer may not see: the same answer, so nothing leaks. */
  TICKET_NOT_FOUND: "SUPERVISION/TICKET_NOT_FOUND",
} as const;

export function ticketNotFound(): DomainError {
  return new DomainError(DossierErrorCode.TICKET_NOT_FOUND, "No ticket with this tracking number is open to you. Check the number.");
}
