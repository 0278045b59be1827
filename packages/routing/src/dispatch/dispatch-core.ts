import { AUTO_DISPATCH_ACTOR_ID, TicketStatus, transitionTicket, type Ticket } from "@civicline/intake";
import { Role, loadWorkingCalendar, recordEvents, scheduleTimers, type Actor, type DomainEvent, type TimerRequest, type WorkingCalendar } from "@civicline/platform";
import { In, type EntityManager } from "typeorm";
import { openAssignment } from "../assignment/assignment-lifecycle.js";
import { UnitRole } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { AssignmentUnit } from "../assignment/assignment-unit.entity.js";
import { loadCatalogue, limitsFor, proposalFor, type Catalogue } from "../catalogue.js";
import { computeDeadlines } from "../deadlines.js";
import { RoutingEvent, type RoutingEventPayload } from "../routing.events.js";
import { unitNotFound } from "../routing.errors.js";
import { deadlineTimerRequests, signForTimerRequest } from "../timers/deadline-timers.js";
import { Unit } from "../unit/unit.entity.js";

/** Who dispatches when the catalogue does (written in the ticket's history). */
export const AUTO_DISPATCHER: Actor = {
  kind: "staff",
  id: AUTO_DISPATCH_ACTOR_ID,
  name: "自动派单 / auto-dispatch",
  roles: [Role.DISPATCHER],
  unitId: null,
};

/** Most assisting units one dispatch may name. */
export const MAX_ASSISTING_UNITS = 5;

/** The active units by id; UNIT_NOT_FOUND (with the field) when one is missing. */
export async function loadUnits(manager: EntityManager, input: { leadUnitId: string; assistingUnitIds: readonly string[]; prefix?: string }): Promise<{ lead: Unit; assisting: Unit[] }> {
  const name = (field: string): string => (input.prefix ? `${input.prefix}.${field}` : field);
  const ids = [input.leadUnitId, ...input.assistingUnitIds];
  const units = await manager.find(Unit, { where: { id: In(ids), active: true } });
  const lead = units.find((unit) => unit.id === input.leadUnitId);
  if (!lead) {
    throw unitNotFound(name("leadUnitId"));
  }
  const assisting = input.assistingUnitIds.map((id) => units.find((unit) => unit.id === id));
  if (assisting.some((unit) => !unit)) {
    throw unitNotFound(name("assistingUnitIds"));
  }
  return { lead, assisting: assisting as Unit[] };
}

export type DispatchCoreInput = {
  /** Locked by the caller, with the version the caller checked. */
  ticket: Ticket;
  actor: Actor;
  lead: Unit;
  assisting: Unit[];
  note: string | null;
  now: Date;
  auto: boolean;
  /** The ticket's previous latest assignment, if any (it stops being current). */
  previous: Assignment | null;
  catalogue?: Catalogue;
  /** The working calendar, when the caller already read it (several tickets in one transaction). */
  calendar?: WorkingCalendar;
  /**
   * Several tickets in one transaction: the assignments' unit rows, timers and routing events are
   * collected here and written for all of them at once by `writeDispatches` (before commit).
   */
  later?: DispatchWrites;
};

/** What dispatching several tickets writes once for all of them (see `writeDispatches`). */
export type DispatchWrites = {
  units: Array<Pick<AssignmentUnit, "assignmentId" | "unitId" | "role">>;
  timers: TimerRequest[];
  events: DomainEvent[];
};

export function newDispatchWrites(): DispatchWrites {
  return { units: [], timers: [], events: [] };
}

/** Writes what `dispatchLockedTicket` collected in `later`: one statement each for the unit rows, the timers and the events. */
export async function writeDispatches(manager: EntityManager, writes: DispatchWrites): Promise<void> {
  if (writes.units.length > 0) {
    await manager.insert(AssignmentUnit, writes.units);
  }
  await scheduleTimers(manager, writes.timers);
  await recordEvents(manager, writes.events);
  writes.units = [];
  writes.timers = [];
  writes.events = [];
}

/**
 * Dispatches a locked ticket: the ticket becomes DISPATCHED (public history row naming the lead
 * unit, for the citizen's timeline), a new current assignment stores the limits of the matching
 * SLA policy and the deadlines computed from them, the deadline timers are scheduled and
 * `routing.ticket_dispatched` is recorded — all in the caller's transaction.
 */
export async function dispatchLockedTicket(manager: EntityManager, input: DispatchCoreInput): Promise<Assignment> {
  const { ticket, lead, assisting, now } = input;
  const catalogue = input.catalogue ?? (await loadCatalogue(manager));
  const proposal = proposalFor(catalogue, ticket);
  const ruleId = proposal.rule && proposal.rule.leadUnitId === lead.id ? proposal.rule.id : null;
  const { policyId, limits } = limitsFor(catalogue, ticket);
  const calendar = input.calendar ?? (await loadWorkingCalendar(manager));
  const deadlines = computeDeadlines(calendar, { receivedAt: ticket.receivedAt, dispatchedAt: now, limits });
  await transitionTicket(manager, {
    ticketId: ticket.id,
    to: TicketStatus.DISPATCHED,
    expectedVersion: ticket.version,
    actor: input.actor,
    reason: lead.nameZh,
    isPublic: true,
  });
  const assignment = await openAssignment(manager, {
    previous: input.previous,
    values: {
      ticketId: ticket.id,
      leadUnitId: lead.id,
      assistingUnitIds: assisting.map((unit) => unit.id),
      ruleId,
      dispatchedAt: now,
      dispatchedById: input.actor.id,
      dispatchedByName: input.actor.name,
      dispatchNote: input.note,
      signedForAt: null,
      signedForByName: null,
      slaPolicyId: policyId,
      ...limits,
      ...deadlines,
      nearDueNotifiedAt: null,
      overdueAt: null,
      replyAttachments: [],
    },
  });
  const writes = input.later ?? newDispatchWrites();
  writes.units.push(
    { assignmentId: assignment.id, unitId: lead.id, role: UnitRole.LEAD },
    ...assisting.map((unit) => ({ assignmentId: assignment.id, unitId: unit.id, role: UnitRole.ASSISTING })),
  );
  writes.timers.push(...deadlineTimerRequests(assignment), signForTimerRequest(assignment));
  const previousUnits = input.previous ? [input.previous.leadUnitId, ...input.previous.assistingUnitIds] : [];
  const payload: RoutingEventPayload = {
    ticketId: ticket.id,
    assignmentId: assignment.id,
    leadUnitId: lead.id,
    assistingUnitIds: assignment.assistingUnitIds,
    ruleId,
    auto: input.auto,
    unitIds: [...new Set([lead.id, ...assignment.assistingUnitIds, ...previousUnits])],
  };
  writes.events.push({ type: RoutingEvent.TICKET_DISPATCHED, payload, actorId: input.actor.id });
  if (!input.later) {
    await writeDispatches(manager, writes);
  }
  return assignment;
}
