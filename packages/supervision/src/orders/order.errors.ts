import { DomainError, Role, normalizeText, textProblem, type FieldError } from "@civicline/platform";

/** Error codes supervision orders raise (clients branch on them). */
export const OrderErrorCode = {
  TICKET_NOT_FOUND: "SUPERVISION/TICKET_NOT_FOUND",
  TICKET_CLOSED: "SUPERVISION/TICKET_CLOSED",
  NOT_DISPATCHED: "SUPERVISION/NOT_DISPATCHED",
  ORDER_NOT_FOUND: "SUPERVISION/ORDER_NOT_FOUND",
  ALREADY_OPEN: "SUPERVISION/ORDER_ALREADY_OPEN",
  NOT_YOUR_UNIT: "SUPERVISION/NOT_YOUR_UNIT",
  NOT_ANSWERED: "SUPERVISION/ORDER_NOT_ANSWERED",
  TOP_LEVEL: "SUPERVISION/ORDER_AT_TOP_LEVEL",
  INVALID_TRANSITION: "SUPERVISION/INVALID_TRANSITION",
} as const;

export const ticketNotFound = (): DomainError => new DomainError(OrderErrorCode.TICKET_NOT_FOUND, "This ticket does not exist.");
export const ticketClosed = (status: string): DomainError =>
  new DomainError(OrderErrorCode.TICKET_CLOSED, "This ticket is closed; a supervision order cannot be issued for it.", { status });
export const notDispatched = (): DomainError =>
  new DomainError(OrderErrorCode.NOT_DISPATCHED, "This ticket has not been dispatched to a unit yet; chase its dispatch instead.");
export const orderNotFound = (): DomainError => new DomainError(OrderErrorCode.ORDER_NOT_FOUND, "This supervision order does not exist.");
export const alreadyOpen = (level: string): DomainError =>
  new DomainError(OrderErrorCode.ALREADY_OPEN, "This ticket already has an open supervision order at this level.", { level });
export const notYourUnit = (): DomainError => new DomainError(OrderErrorCode.NOT_YOUR_UNIT, "This supervision order is addressed to another unit.");
export const notAnswered = (): DomainError =>
  new DomainError(OrderErrorCode.NOT_ANSWERED, "The unit has not answered this order yet; it can be closed only on an answer (escalate it instead).");
export const topLevel = (): DomainError => new DomainError(OrderErrorCode.TOP_LEVEL, "This order is already listed supervision, the highest level.");
export const invalidTransition = (step: { from: string; to: string; action: string }): DomainError =>
  new DomainError(OrderErrorCode.INVALID_TRANSITION, `A supervision order that is ${step.from} cannot become ${step.to} (${step.action}).`, step);

/** Who issues, escalates, closes and sends back orders. */
export const ORDER_ISSUERS: readonly Role[] = [Role.SUPERVISOR, Role.ADMIN];
/** Centre staff who read every order (lists, a ticket's orders, counts per unit). */
export const ORDER_READERS: readonly Role[] = [Role.SUPERVISOR, Role.ADMIN, Role.LEADER, Role.DISPATCHER];
/** Who changes the order settings. */
export const ORDER_SETTINGS_EDITORS: readonly Role[] = [Role.ADMIN];

/** Text limits of the order forms. */
export const ORDER_TEXT = { reason: { min: 4, max: 1000 }, answer: { min: 4, max: 2000 }, note: { max: 1000 } } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Normalised required text, or a REQUIRED / INVALID_CHARACTERS / TOO_SHORT / TOO_LONG field error. */
export function requiredText(errors: FieldError[], field: string, raw: string | null | undefined, limits: { min: number; max: number; label: string }): string {
  const problem = textProblem(raw ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `The ${limits.label} ${problem}.` });
    return "";
  }
  const text = normalizeText(raw ?? "");
  const length = [...text].length;
  if (!text) {
    errors.push({ field, code: "REQUIRED", message: `The ${limits.label} is required.` });
  } else if (length < limits.min) {
    errors.push({ field, code: "TOO_SHORT", message: `The ${limits.label} needs at least ${limits.min} characters.` });
  } else if (length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep the ${limits.label} under ${limits.max} characters.` });
  }
  return text;
}

/** Normalised optional text (empty → null), or an INVALID_CHARACTERS / TOO_LONG field error. */
export function optionalText(errors: FieldError[], field: string, raw: string | null | undefined, max: number, label: string): string | null {
  const problem = textProblem(raw ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `The ${label} ${problem}.` });
    return null;
  }
  const text = normalizeText(raw ?? "");
  if ([...text].length > max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep the ${label} under ${max} characters.` });
  }
  return text || null;
}
