import { ConflictError, DomainError, Role, assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { HistoryNote } from "../ticket/history-note.js";
import { changeTicket, isOpen, lockTickets, recordTicketEvent } from "../ticket/ticket-lifecycle.js";
import type { Ticket } from "../ticket/ticket.entity.js";
import { TicketHistoryKind, Urgency } from "../ticket/ticket.enums.js";
import { requiredText } from "../ticket/ticket-validation.js";
import { EmergencyService } from "./call-screen.enums.js";
import { EmergencyHandoff } from "./emergency-handoff.entity.js";

/** Outbox event: a ticket was handed off to an emergency service; payload `{ ticketId, service }`. */
export const EMERGENCY_HANDED_OFF = "intake.emergency_handed_off";
export const EMERGENCY_ROLES: readonly Role[] = [Role.OPERATOR, Role.DISPATCHER];
const MAX_CHECKLIST = 20;

const SERVICE_NUMBER: Record<EmergencyService, string> = {
  [EmergencyService.POLICE_110]: "110",
  [EmergencyService.FIRE_119]: "119",
  [EmergencyService.AMBULANCE_120]: "120",
  [EmergencyService.TRAFFIC_122]: "122",
};

/**
 * Marks an open ticket as an emergency: urgency EMERGENCY (so it heads every queue), one history
 * entry, and an event that refreshes every console's queue counts. Marking twice changes nothing.
 */
export async function markEmergency(dataSource: DataSource, input: { actor: Actor | null; ticketId: string; version: number }): Promise<Ticket> {
  const actor = requireRole(input.actor, EMERGENCY_ROLES);
  return dataSource.transaction(async (manager) => {
    const ticket = (await lockTickets(manager, [input.ticketId])).get(input.ticketId)!;
    if (ticket.version !== input.version) {
      throw new ConflictError();
    }
    if (ticket.urgency === Urgency.EMERGENCY) {
      return ticket;
    }
    if (!isOpen(ticket.status)) {
      throw new DomainError("INTAKE/INVALID_TRANSITION", `A ticket that is ${ticket.status} cannot be marked as an emergency.`, {
        from: ticket.status,
      });
    }
    return changeTicket(manager, {
      ticketId: ticket.id,
      expectedVersion: input.version,
      actor,
      kind: TicketHistoryKind.URGENCY_CHANGED,
      changes: { urgency: Urgency.EMERGENCY },
      reason: `marked as an emergency (was ${ticket.urgency})`,
      note: { code: HistoryNote.MARKED_EMERGENCY, params: { was: ticket.urgency.toUpperCase() } },
    });
  });
}

/** How long before the call was saved a hand-off may have been noted on the call screen. */
const HANDOFF_NOTED_MAX_MS = 2 * 60 * 60 * 1000;
/** Tolerance for a browser clock slightly ahead of the server's. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * Records a hand-off to 110/119/120/122: the service, its reference number, the checklist gone
 * through, who and when; plus one history entry. The ticket's version does not change.
 */
export async function recordEmergencyHandoff(
  dataSource: DataSource | EntityManager,
  input: { actor: Actor | null; ticketId: string; service: EmergencyService; reference: string; checklist: readonly string[]; handedOffAt?: Date | null; now?: Date },
): Promise<Ticket> {
  const actor = requireRole(input.actor, EMERGENCY_ROLES);
  const errors: FieldError[] = [];
  const now = input.now ?? new Date();
  const handedOffAt = input.handedOffAt ?? now;
  if (Number.isNaN(handedOffAt.getTime()) || handedOffAt.getTime() > now.getTime() + CLOCK_SKEW_MS || handedOffAt.getTime() < now.getTime() - HANDOFF_NOTED_MAX_MS) {
    errors.push({ field: "handedOffAt", code: "INVALID_FORMAT", message: "The hand-off time must lie within the last 2 hours." });
  }
  const reference = requiredText(errors, "reference", input.reference, { max: 64, label: "Reference number" });
  if (input.checklist.length > MAX_CHECKLIST) {
    errors.push({ field: "checklist", code: "TOO_LONG", message: `At most ${MAX_CHECKLIST} checklist items.` });
  }
  const checklist = input.checklist
    .slice(0, MAX_CHECKLIST)
    .map((item, i) => requiredText(errors, `checklist.${i}`, item, { max: 200, label: "A checklist item" }));
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const ticket = await recordTicketEvent(manager, {
      ticketId: input.ticketId,
      actor,
      kind: TicketHistoryKind.EMERGENCY_HANDOFF,
      reason: `handed off to ${SERVICE_NUMBER[input.service]}, reference ${reference}`,
      note: { code: HistoryNote.EMERGENCY_HANDOFF, params: { service: input.service.toUpperCase(), reference } },
    });
    await manager.insert(EmergencyHandoff, {
      ticketId: ticket.id,
      service: input.service,
      reference,
      checklist,
      handedOffAt,
      handedOffById: actor.id,
      handedOffBy: actor.name,
    });
    await recordEvent(manager, { type: EMERGENCY_HANDED_OFF, payload: { ticketId: ticket.id, service: input.service }, actorId: actor.id });
    return ticket;
  });
}
