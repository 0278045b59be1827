import { QUEUE_ROLES, Ticket } from "@civicline/intake";
import { DomainError, requireRole, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { AssignmentState } from "../assignment/assignment.enums.js";
import { findCurrentAssignment } from "../assignment/assignment-access.js";
import { loadCatalogue, proposalFor, type Proposal } from "../catalogue.js";
import { isUuid } from "../routing.errors.js";

/** Where the catalogue would send a ticket (centre staff). */
export async function routingProposal(dataSource: DataSource, input: { actor: Actor | null; ticketId: string }): Promise<Proposal> {
  requireRole(input.actor, QUEUE_ROLES);
  const ticket = isUuid(input.ticketId) ? await dataSource.getRepository(Ticket).findOne({ where: { id: input.ticketId } }) : null;
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  const current = await findCurrentAssignment(dataSource, ticket.id);
  const returnedBy = current && (current.state === AssignmentState.RETURN_REQUESTED || current.state === AssignmentState.RETURNED) ? current.leadUnitId : null;
  return proposalFor(await loadCatalogue(dataSource.manager), ticket, { returnedByUnitId: returnedBy });
}
