import { DomainError } from "@civicline/platform";

/** Error codes of leader sessions, 领导包案 and instructions (clients branch on them). */
export const LeaderErrorCode = {
  NOT_A_LEADER: "SUPERVISION/NOT_A_LEADER",
  SEAT_BUSY: "SUPERVISION/SEAT_BUSY",
  UNKNOWN_SEAT: "SUPERVISION/UNKNOWN_SEAT",
  TICKET_NOT_FOUND: "SUPERVISION/TICKET_NOT_FOUND",
  NOT_YOUR_TICKET: "SUPERVISION/NOT_YOUR_TICKET",
  ALREADY_ASSIGNED: "SUPERVISION/ALREADY_ASSIGNED",
} as const;

export function notALeader(field: string): DomainError {
  const message = "Choose an active leader account from the list.";
  return new DomainError(LeaderErrorCode.NOT_A_LEADER, message, { fields: [{ field, code: "UNKNOWN", message }] });
}

export function seatBusy(): DomainError {
  const message = "Another leader session at this seat overlaps this time; choose another time or seat.";
  return new DomainError(LeaderErrorCode.SEAT_BUSY, message, { fields: [{ field: "startsAt", code: "CONFLICT", message }] });
}

export function unknownSeat(seat: string): DomainError {
  const message = `No call-taker is assigned to seat ${seat}; choose a seat that is in use.`;
  return new DomainError(LeaderErrorCode.UNKNOWN_SEAT, message, { fields: [{ field: "seat", code: "UNKNOWN", message }] });
}

export function ticketNotFound(field: string): DomainError {
  const message = "A ticket was not found; check the tracking numbers.";
  return new DomainError(LeaderErrorCode.TICKET_NOT_FOUND, message, { fields: [{ field, code: "UNKNOWN", message }] });
}

export function notYourTicket(): DomainError {
  return new DomainError(LeaderErrorCode.NOT_YOUR_TICKET, "This ticket is not among your session tickets or assigned matters.");
}

export function alreadyAssigned(trackingNumber: string): DomainError {
  return new DomainError(LeaderErrorCode.ALREADY_ASSIGNED, `Ticket ${trackingNumber} is already assigned to this leader.`);
}
