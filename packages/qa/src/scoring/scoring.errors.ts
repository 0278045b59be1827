import { DomainError } from "@civicline/platform";

/** Error codes of score forms, inspections, appeals, weekly reviews and monthly assessments (clients branch on them). */
export const QaScoringErrorCode = {
  FORM_NOT_FOUND: "QA/FORM_NOT_FOUND",
  SAMPLE_NOT_FOUND: "QA/SAMPLE_NOT_FOUND",
  ALREADY_SCORED: "QA/ALREADY_SCORED",
  INSPECTION_NOT_FOUND: "QA/INSPECTION_NOT_FOUND",
  APPEAL_EXISTS: "QA/APPEAL_EXISTS",
  APPEAL_WINDOW_CLOSED: "QA/APPEAL_WINDOW_CLOSED",
  APPEAL_NOT_PENDING: "QA/APPEAL_NOT_PENDING",
  NOT_YOUR_CALL: "QA/NOT_YOUR_CALL",
  NOT_TEAM_LEAD: "QA/NOT_TEAM_LEAD",
  WEIGHTS_VERSION_NOT_FOUND: "QA/WEIGHTS_VERSION_NOT_FOUND",
  TEAM_NOT_FOUND: "QA/TEAM_NOT_FOUND",
} as const;

export const formNotFound = (): DomainError => new DomainError(QaScoringErrorCode.FORM_NOT_FOUND, "This score form (or form version) does not exist; choose one from the list.");
export const sampleNotFound = (): DomainError => new DomainError(QaScoringErrorCode.SAMPLE_NOT_FOUND, "This call is not in the inspection queue (or you may not see it).");
export const alreadyScored = (): DomainError =>
  new DomainError(QaScoringErrorCode.ALREADY_SCORED, "This call has already been scored; open its inspection to see the score.");
/** The same error for an inspection that does not exist and one the caller may not see (ids cannot be probed). */
export const inspectionNotFound = (): DomainError => new DomainError(QaScoringErrorCode.INSPECTION_NOT_FOUND, "This inspection does not exist, or you may not see it.");
export const appealExists = (): DomainError => new DomainError(QaScoringErrorCode.APPEAL_EXISTS, "This score has already been appealed; a score can be appealed only once.");
export const appealWindowClosed = (deadline: Date): DomainError =>
  new DomainError(QaScoringErrorCode.APPEAL_WINDOW_CLOSED, `The time to appeal this score ended on ${deadline.toISOString()}.`, { deadline: deadline.toISOString() });
export const appealNotPending = (): DomainError => new DomainError(QaScoringErrorCode.APPEAL_NOT_PENDING, "There is no pending appeal on this score (it was decided already, or never made).");
export const notYourCall = (): DomainError => new DomainError(QaScoringErrorCode.NOT_YOUR_CALL, "Only the call-taker who took this call may appeal its score.");
export const notTeamLead = (): DomainError => new DomainError(QaScoringErrorCode.NOT_TEAM_LEAD, "Only the lead of the call-taker's team decides this appeal.");
export const weightsVersionNotFound = (version: number): DomainError => {
  const message = `There is no weights version ${version}; choose one from the list.`;
  return new DomainError(QaScoringErrorCode.WEIGHTS_VERSION_NOT_FOUND, message, { fields: [{ field: "weightsVersion", code: "UNKNOWN", message }] });
};
export const teamNotFound = (): DomainError => new DomainError(QaScoringErrorCode.TEAM_NOT_FOUND, "This team does not exist, or you may not see it.");

/** A UUID (ids from the client are checked before they reach SQL). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
