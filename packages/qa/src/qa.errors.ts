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
  SHIFT_OVERLAP: "QA/SHIFT_OVERLAP",
  ALREADY_FLAGGED: "QA/ALREADY_FLAGGED",
  SAMPLE_NOT_FOUND: "QA/SAMPLE_NOT_FOUND",
} as const;

export const teamNotFound = (): DomainError => new DomainError(QaErrorCode.TEAM_NOT_FOUND, "This team does not exist.");
export const callNotFound = (): DomainError => new DomainError(QaErrorCode.CALL_NOT_FOUND, "This call record does not exist, or you may not see it.");
export const callTakerNotFound = (): DomainError => new DomainError(QaErrorCode.CALL_TAKER_NOT_FOUND, "This call-taker does not exist, or you may not see their results.");
