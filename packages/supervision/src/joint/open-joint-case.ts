import { FINISHED_STATUSES, Ticket, TicketHistoryKind } from "@civicline/intake";
import { addWorkingTime, assertNoFieldErrors, loadWorkingCalendar, requireRole, scheduleTimer, workingDaysToMinutes, type Actor, type FieldError } from "@civicline/platform";
import { ReturnRequest, Unit } from "@civicline/routing";
import { In, type DataSource } from "typeorm";
import { JOINT_OPENERS } from "./joint-access.js";
import { JointCase } from "./joint-case.entity.js";
import { JointCaseParty } from "./joint-party.entity.js";
import { JointEvent, recordJointStep } from "./joint-steps.js";
import { JOINT_PARTIES, JOINT_PARTY_UNIT_CODES, JointCaseState, JointEventKind, JointTrigger } from "./joint.enums.js";
import { JOINT_TEXT, JointErrorCode, isUuid, jointError, requiredText } from "./joint.errors.js";

/** The working days a case may be given (default 3). */
export const JOINT_DEADLINE_DAYS = { min: 1, max: 20, defaultValue: 3 } as const;
/** The durable timer that warns when a case's deadline passes undecided. */
export const JOINT_DEADLINE_TIMER = "supervision.joint_deadline";

export function jointDeadlineKey(caseId: string): string {
  return `supervision:joint:${caseId}:deadline`;
}

export type OpenJointCaseRequest = { ticketId: string; trigger: JointTrigger; reason: string; deadlineDays?: number | null };

/**
 * A supervisor opens a joint supervision case (三方联动督办) on a ticket its units keep returning
 * (at least two returns on record) or dispute (a dispatcher's request). The three parties are the
 * directory units of the discipline commission, the staffing office and the complaint centre. One
 * transaction: the case, its parties, its timeline, the ticket's history, an outbox event and the
 * deadline timer. Errors: a closed ticket, a second open case, fewer than two returns.
 */
export async function openJointCase(input: { db: DataSource; actor: Actor | null; request: OpenJointCaseRequest; now?: Date }): Promise<JointCase> {
  const actor = requireRole(input.actor, JOINT_OPENERS);
  const { request } = input;
  const errors: FieldError[] = [];
  if (!isUuid(request.ticketId)) {
    errors.push({ field: "ticketId", code: "INVALID_FORMAT", message: "Choose a ticket." });
  }
  if (!Object.values(JointTrigger).includes(request.trigger)) {
    errors.push({ field: "trigger", code: "INVALID_FORMAT", message: "Choose why the case is opened." });
  }
  const reason = requiredText(errors, "reason", request.reason, { min: 4, max: JOINT_TEXT.reason, label: "The reason" });
  const days = request.deadlineDays ?? JOINT_DEADLINE_DAYS.defaultValue;
  if (!Number.isInteger(days) || days < JOINT_DEADLINE_DAYS.min || days > JOINT_DEADLINE_DAYS.max) {
    errors.push({ field: "deadlineDays", code: "OUT_OF_RANGE", message: `Give the parties ${JOINT_DEADLINE_DAYS.min} to ${JOINT_DEADLINE_DAYS.max} working days.` });
  }
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return input.db.transaction(async (manager) => {
    const ticket = await manager.findOne(Ticket, { where: { id: request.ticketId }, lock: { mode: "pessimistic_write" } });
    if (!ticket) {
      throw jointError(JointErrorCode.TICKET_NOT_FOUND, "This ticket does not exist.");
    }
    if (FINISHED_STATUSES.includes(ticket.status)) {
      throw jointError(JointErrorCode.TICKET_CLOSED, `Ticket ${ticket.trackingNumber} is closed: a joint case is for open tickets.`, { status: ticket.status });
    }
    const open = await manager.findOne(JointCase, { where: { ticketId: ticket.id, state: JointCaseState.OPEN } });
    if (open) {
      throw jointError(JointErrorCode.CASE_ALREADY_OPEN, `Ticket ${ticket.trackingNumber} already has an open joint case; add to that one.`, { caseId: open.id });
    }
    if (request.trigger === JointTrigger.RETURNED_REPEATEDLY) {
      const returns = await manager.count(ReturnRequest, { where: { ticketId: ticket.id } });
      if (returns < 2) {
        throw jointError(JointErrorCode.NOT_RETURNED_TWICE, `Ticket ${ticket.trackingNumber} was returned ${returns} time(s); open the case as a dispatcher's request instead, or wait for a second return.`, { returns });
      }
    }
    const codes = JOINT_PARTIES.map((party) => JOINT_PARTY_UNIT_CODES[party]);
    const units = await manager.find(Unit, { where: { code: In(codes), active: true } });
    const unitOf = new Map(units.map((unit) => [unit.code, unit]));
    const missing = codes.filter((code) => !unitOf.has(code));
    if (missing.length > 0) {
      throw jointError(JointErrorCode.PARTY_UNIT_MISSING, `The unit directory lacks the active party unit(s) ${missing.join(", ")}; an admin adds them first.`, { codes: missing });
    }
    const calendar = await loadWorkingCalendar(manager);
    const deadlineAt = addWorkingTime(calendar, now, workingDaysToMinutes(calendar, days));
    const saved = await manager.save(JointCase, {
      ticketId: ticket.id,
      state: JointCaseState.OPEN,
      trigger: request.trigger,
      reason,
      openedAt: now,
      openedById: actor.id,
      openedByName: actor.name,
      deadlineDays: days,
      deadlineAt,
      overdueAt: null,
      decidedUnitId: null,
      decisionText: null,
      decidedAt: null,
      decidedByName: null,
      assignmentId: null,
    });
    await manager.insert(
      JointCaseParty,
      JOINT_PARTIES.map((party) => ({ caseId: saved.id, party, unitId: unitOf.get(JOINT_PARTY_UNIT_CODES[party])!.id })),
    );
    await recordJointStep(manager, {
      caseId: saved.id,
      ticketId: ticket.id,
      at: now,
      kind: JointEventKind.OPENED,
      actor,
      text: reason,
      event: { type: JointEvent.CASE_OPENED, payload: { trigger: request.trigger, unitIds: units.map((unit) => unit.id), deadlineAt: deadlineAt.toISOString() } },
      history: { kind: TicketHistoryKind.JOINT_CASE_OPENED, reason: `三方联动督办立案 / joint supervision case opened: ${reason}` },
    });
    await scheduleTimer(manager, { key: jointDeadlineKey(saved.id), type: JOINT_DEADLINE_TIMER, dueAt: deadlineAt, payload: { caseId: saved.id } });
    return saved;
  });
}
