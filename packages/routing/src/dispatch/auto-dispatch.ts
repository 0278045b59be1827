import { Ticket } from "@civicline/intake";
import { Role, User, loadWorkingCalendar } from "@civicline/platform";
import { In, type DataSource, type EntityManager } from "typeorm";
import { Assignment } from "../assignment/assignment.entity.js";
import { loadCatalogue, proposalFor } from "../catalogue.js";
import type { Unit } from "../unit/unit.entity.js";
import { DISPATCHABLE } from "./dispatch-ticket.js";
import { AUTO_DISPATCHER, dispatchLockedTicket, loadUnits, newDispatchWrites, writeDispatches } from "./dispatch-core.js";

/**
 * What woke auto-dispatch: a ticket was received, or a call-taker sent one to dispatch. A ticket a
 * call-taker logged is theirs to answer on the spot until they send it to dispatch, so at receipt
 * only tickets nobody at the centre holds (portal, API clients) are dispatched automatically.
 */
export type AutoDispatchTrigger = "received" | "sent_to_dispatch";

export type AutoDispatchInput = { ticketId: string; trigger: AutoDispatchTrigger };

/**
 * Dispatches a ticket without a dispatcher when the catalogue's best rule for it is the one clear
 * match and allows auto-dispatch. Idempotent (runs from outbox events, at least once): a ticket
 * already dispatched, closed, or ever assigned before (a return goes to a person) is left alone.
 * Resolves to the new assignment, or null when nothing was done.
 */
export async function autoDispatch(
  dataSource: DataSource,
  input: AutoDispatchInput & { now?: Date },
): Promise<Assignment | null> {
  const dispatched = await autoDispatchMany(dataSource, [input], input.now);
  return dispatched.get(input.ticketId) ?? null;
}

/**
 * `autoDispatch` for several tickets in one transaction (a burst of new tickets from the outbox):
 * the tickets are locked in one statement (in id order), their creators, earlier assignments, the
 * catalogue, the working calendar and each rule's units are read once for all, each ticket is then
 * dispatched exactly as `autoDispatch` would (status change with its history row and event, the
 * assignment), and the assignments' unit rows, deadline timers and `routing.ticket_dispatched`
 * events are written for all of them in one statement each.
 * Resolves to the new assignments by ticket id. One failure rolls back the whole transaction (the
 * outbox then hands the events over one by one).
 */
export async function autoDispatchMany(dataSource: DataSource, inputs: readonly AutoDispatchInput[], now?: Date): Promise<Map<string, Assignment>> {
  if (inputs.length === 0) {
    return new Map();
  }
  return dataSource.transaction((manager) => dispatchAll(manager, inputs, now ?? new Date()));
}

async function dispatchAll(manager: EntityManager, inputs: readonly AutoDispatchInput[], now: Date): Promise<Map<string, Assignment>> {
  const dispatched = new Map<string, Assignment>();
  // A ticket sent to dispatch is dispatched whoever logged it; the first trigger of a ticket decides otherwise.
  const triggers = new Map<string, AutoDispatchTrigger>();
  for (const input of inputs) {
    if (triggers.get(input.ticketId) !== "sent_to_dispatch") {
      triggers.set(input.ticketId, input.trigger);
    }
  }
  const ids = [...triggers.keys()];
  if (ids.length === 0) {
    return dispatched;
  }
  const locked = await manager.find(Ticket, { where: { id: In(ids) }, order: { id: "ASC" }, lock: { mode: "pessimistic_write" } });
  let tickets = locked.filter((ticket) => DISPATCHABLE.includes(ticket.status));
  const creatorIds = [...new Set(tickets.filter((ticket) => triggers.get(ticket.id) === "received" && ticket.createdBy).map((ticket) => ticket.createdBy!))];
  if (creatorIds.length > 0) {
    const creators = await manager.find(User, { where: { id: In(creatorIds) }, select: { id: true, roles: true } });
    const callTakers = new Set(creators.filter((creator) => creator.roles.includes(Role.OPERATOR)).map((creator) => creator.id));
    tickets = tickets.filter((ticket) => !(triggers.get(ticket.id) === "received" && ticket.createdBy && callTakers.has(ticket.createdBy)));
  }
  if (tickets.length === 0) {
    return dispatched;
  }
  const assigned = await manager.find(Assignment, { where: { ticketId: In(tickets.map((ticket) => ticket.id)) }, select: { id: true, ticketId: true } });
  const everAssigned = new Set(assigned.map((assignment) => assignment.ticketId));
  tickets = tickets.filter((ticket) => !everAssigned.has(ticket.id));
  if (tickets.length === 0) {
    return dispatched;
  }
  const catalogue = await loadCatalogue(manager);
  const chosen = tickets.flatMap((ticket) => {
    const { rule, clear } = proposalFor(catalogue, ticket);
    return rule && clear && rule.autoDispatch ? [{ ticket, rule }] : [];
  });
  if (chosen.length === 0) {
    return dispatched;
  }
  const calendar = await loadWorkingCalendar(manager);
  // The assignments' unit rows, timers and routing events are written for all tickets at the end.
  const later = newDispatchWrites();
  // Each rule's units once (a rule naming a unit that is gone or inactive dispatches nothing).
  const unitsOfRule = new Map<string, { lead: Unit; assisting: Unit[] } | null>();
  for (const { ticket, rule } of chosen) {
    if (!unitsOfRule.has(rule.id)) {
      unitsOfRule.set(rule.id, await loadUnits(manager, { leadUnitId: rule.leadUnitId, assistingUnitIds: rule.assistingUnitIds }).catch(() => null));
    }
    const units = unitsOfRule.get(rule.id);
    if (!units) {
      continue;
    }
    const assignment = await dispatchLockedTicket(manager, {
      ticket,
      actor: AUTO_DISPATCHER,
      lead: units.lead,
      assisting: units.assisting,
      note: null,
      now,
      auto: true,
      previous: null,
      catalogue,
      calendar,
      later,
    });
    dispatched.set(ticket.id, assignment);
  }
  await writeDispatches(manager, later);
  return dispatched;
}
