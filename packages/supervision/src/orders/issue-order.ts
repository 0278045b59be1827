import { FINISHED_STATUSES } from "@civicline/intake";
import { addWorkingTime, assertNoFieldErrors, loadWorkingCalendar, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { findCurrentAssignment } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { lockTicket, openLevelsOf } from "./order-access.js";
import { insertOrder } from "./order-lifecycle.js";
import { alreadyOpen, notDispatched, ORDER_ISSUERS, ORDER_TEXT, requiredText, ticketClosed } from "./order.errors.js";
import { OrderLevel, ORDER_LEVELS } from "./order.enums.js";
import { loadOrderSettings, responseMinutesFor, RESPONSE_MINUTES_LIMITS } from "./order-settings.js";
import type { SupervisionOrder } from "./order.entity.js";

/** What a supervisor sends: the deadline as a moment, or as working minutes from now, or neither (the level's default). */
export type IssueOrderRequest = {
  ticketId: string;
  level: OrderLevel;
  reason: string;
  responseDueAt?: Date | null;
  responseWorkingMinutes?: number | null;
};

/** The latest deadline a supervisor may set: 60 working days ahead. */
const MAX_AHEAD_MS = 120 * 24 * 3600_000;

function validate(request: IssueOrderRequest, now: Date): { errors: FieldError[]; reason: string } {
  const errors: FieldError[] = [];
  if (!ORDER_LEVELS.includes(request.level)) {
    errors.push({ field: "level", code: "INVALID_FORMAT", message: "Choose a level: reminder, formal or listed supervision." });
  }
  const reason = requiredText(errors, "reason", request.reason, { ...ORDER_TEXT.reason, label: "reason" });
  const due = request.responseDueAt;
  if (due !== null && due !== undefined) {
    if (!(due instanceof Date) || Number.isNaN(due.getTime())) {
      errors.push({ field: "responseDueAt", code: "INVALID_FORMAT", message: "Give the response deadline as a date and time." });
    } else if (due.getTime() <= now.getTime()) {
      errors.push({ field: "responseDueAt", code: "IN_THE_PAST", message: "The response deadline must be in the future." });
    } else if (due.getTime() - now.getTime() > MAX_AHEAD_MS) {
      errors.push({ field: "responseDueAt", code: "OUT_OF_RANGE", message: "Set the response deadline within 120 days." });
    }
  }
  const minutes = request.responseWorkingMinutes;
  if (minutes !== null && minutes !== undefined) {
    if (due) {
      errors.push({ field: "responseWorkingMinutes", code: "CONFLICT", message: "Give either a deadline or working minutes, not both." });
    } else if (!Number.isInteger(minutes) || minutes < RESPONSE_MINUTES_LIMITS.min || minutes > RESPONSE_MINUTES_LIMITS.max) {
      errors.push({ field: "responseWorkingMinutes", code: "OUT_OF_RANGE", message: `Give ${RESPONSE_MINUTES_LIMITS.min} to ${RESPONSE_MINUTES_LIMITS.max} working minutes.` });
    }
  }
  return { errors, reason };
}

/**
 * Issues an order in the caller's transaction for a ticket that is dispatched and not finished, to its
 * lead unit. SUPERVISION/TICKET_NOT_FOUND, TICKET_CLOSED, NOT_DISPATCHED, ORDER_ALREADY_OPEN (an
 * open order of that level exists); nothing is written then.
 */
export async function issueOrderInTransaction(
  manager: EntityManager,
  input: { actor: Actor; request: IssueOrderRequest; reason: string; now: Date; auto: boolean },
): Promise<SupervisionOrder> {
  const { request, now } = input;
  const ticket = await lockTicket(manager, request.ticketId);
  if (FINISHED_STATUSES.includes(ticket.status)) {
    throw ticketClosed(ticket.status);
  }
  const assignment = await findCurrentAssignment(manager, ticket.id);
  if (!assignment) {
    throw notDispatched();
  }
  if ((await openLevelsOf(manager, ticket.id, null)).includes(request.level)) {
    throw alreadyOpen(request.level);
  }
  let responseDueAt = request.responseDueAt ?? null;
  if (!responseDueAt) {
    const minutes = request.responseWorkingMinutes ?? responseMinutesFor(await loadOrderSettings(manager), request.level);
    responseDueAt = addWorkingTime(await loadWorkingCalendar(manager), now, minutes);
  }
  return insertOrder(manager, {
    actor: input.actor,
    values: { ticketId: ticket.id, assignmentId: assignment.id, unitId: assignment.leadUnitId, level: request.level, reason: input.reason, auto: input.auto, responseDueAt, issuedAt: now },
  });
}

/** A supervisor (or admin) issues a supervision order (督办单) for a ticket to its lead unit. Everything is checked first; one transaction. */
export async function issueOrder(dataSource: DataSource, input: { actor: Actor | null; request: IssueOrderRequest; now?: Date }): Promise<SupervisionOrder> {
  const actor = requireRole(input.actor, ORDER_ISSUERS);
  const now = input.now ?? new Date();
  const { errors, reason } = validate(input.request, now);
  assertNoFieldErrors(errors);
  return dataSource.transaction((manager) => issueOrderInTransaction(manager, { actor, request: input.request, reason, now, auto: false }));
}
