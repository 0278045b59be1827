import { Ticket } from "@civicline/intake";
import { Role, User } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { Assignment } from "../assignment/assignment.entity.js";
import { loadCatalogue, proposalFor } from "../catalogue.js";
import { DISPATCHABLE } from "./dispatch-ticket.js";
import { AUTO_DISPATCHER, dispatchLockedTicket, loadUnits } from "./dispatch-core.js";

/**
 * What woke auto-dispatch: a ticket was received, or a call-taker sent one to dispatch. A ticket a
 * call-taker logged is theirs to answer on the spot until they send it to dispatch, so at receipt
 * only tickets nobody at the centre holds (portal, API clients) are dispatched automatically.
 */
export type AutoDispatchTrigger = "received" | "sent_to_dispatch";

async function loggedByCallTaker(manager: EntityManager, ticket: Ticket): Promise<boolean> {
  if (!ticket.createdBy) {
    return false;
  }
  const creator = await manager.findOne(User, { where: { id: ticket.createdBy }, select: { id: true, roles: true } });
  return !!creator && creator.roles.includes(Role.OPERATOR);
}

/**
 * Dispatches a ticket without a dispatcher when the catalogue's best rule for it is the one clear
 * match and allows auto-dispatch. Idempotent (runs from outbox events, at least once): a ticket
 * already dispatched, closed, or ever assigned before (a return goes to a person) is left alone.
 * Resolves to the new assignment, or null when nothing was done.
 */
export async function autoDispatch(
  dataSource: DataSource,
  input: { ticketId: string; trigger: AutoDispatchTrigger; now?: Date },
): Promise<Assignment | null> {
  return dataSource.transaction(async (manager) => {
    const ticket = await manager.findOne(Ticket, { where: { id: input.ticketId }, lock: { mode: "pessimistic_write" } });
    if (!ticket || !DISPATCHABLE.includes(ticket.status)) {
      return null;
    }
    if (input.trigger === "received" && (await loggedByCallTaker(manager, ticket))) {
      return null;
    }
    if (await manager.exists(Assignment, { where: { ticketId: ticket.id } })) {
      return null;
    }
    const catalogue = await loadCatalogue(manager);
    const { rule, clear } = proposalFor(catalogue, ticket);
    if (!rule || !clear || !rule.autoDispatch) {
      return null;
    }
    const units = await loadUnits(manager, { leadUnitId: rule.leadUnitId, assistingUnitIds: rule.assistingUnitIds }).catch(() => null);
    if (!units) {
      return null;
    }
    return dispatchLockedTicket(manager, {
      ticket,
      actor: AUTO_DISPATCHER,
      lead: units.lead,
      assisting: units.assisting,
      note: null,
      now: input.now ?? new Date(),
      auto: true,
      previous: null,
      catalogue,
    });
  });
}
