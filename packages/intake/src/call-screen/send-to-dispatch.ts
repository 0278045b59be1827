import { Role, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { transitionTicket } from "../ticket/ticket-lifecycle.js";
import type { Ticket } from "../ticket/ticket.entity.js";
import { TicketStatus } from "../ticket/ticket.enums.js";
import { LIMITS, optionalText } from "../ticket/ticket-validation.js";

/**
 * The call-taker cannot answer on the spot: the ticket waits for a dispatcher (AWAITING_DISPATCH).
 * The note is for the dispatcher; the citizen's timeline shows only the step.
 */
export async function sendToDispatch(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; version: number; note?: string | null },
): Promise<Ticket> {
  const actor = requireRole(input.actor, [Role.OPERATOR]);
  const errors: FieldError[] = [];
  const note = optionalText(errors, "note", input.note, { max: LIMITS.noteMax, label: "Note" });
  assertNoFieldErrors(errors);
  return dataSource.transaction((manager) =>
    transitionTicket(manager, { ticketId: input.ticketId, to: TicketStatus.AWAITING_DISPATCH, expectedVersion: input.version, actor, reason: note }),
  );
}
