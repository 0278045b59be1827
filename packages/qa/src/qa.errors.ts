import { DomainError } from "@civicline/platform";

/** Error codes qa raises (clients branch on them). */
export const QaErrorCode = {
  TEAM_NOT_FOUND: "QA/TEAM_NOT_FOUND",
  SEAT_NOT_FOUND: "QA/SEAT_NOT_FOUND",
  CALL_NOT_FOUND: "QA/CALL_NOT_FOUND",
  CALL_TAKER_NOT_FOUND: "QA/CALL_TAKER_NOT_FOUND",
  /** A call record whose end is before its start (or answer before start, end before answer). */
  INVALID_CALL_TIMES: "QA/INVALID_CALL_TIMES",
  /** The same call id reported again with different facts. */
  CALL_ID_CONFLICT: "QA/CALL_ID_CONFLICT",
  RECORDING_NOT_FOUND: "QA/RECORDING_NOT_FOUND",
  RECORDING_UNAVAILABLE: "QA/RECORDING_UNAVAILABLE",
  SHIFT_NOT_FOUND: "QA/SHIFT_NOT_FOUND",
  ALREADY_FLAGGED: "QA/ALREADY_FLAGGED",
  SAMPLE_NOT_FOUND: "QA/SAMPLE_NOT_FOUND",
} as const;

export const teamNotFound = (): DomainError => new DomainError(QaErrorCode.TEAM_NOT_FOUND, "This team does not exist.");
export const callNotFound = (): DomainError => new DomainError(QaErrorCode.CALL_NOT_FOUND, "This call record does not exist, or you may not see it.");
export const callTakerNotFound = (): DomainError => new DomainError(QaErrorCode.CALL_TAKER_NOT_FOUND, "This call-taker does not exist, or you may not see their results.");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A calendar day YYYY-MM-DD that exists. */
export function isDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The seat code format the telephony system uses (as intake's screen-pop). */
export const SEAT_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;
