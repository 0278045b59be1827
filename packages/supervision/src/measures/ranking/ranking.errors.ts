import { DomainError, Role } from "@civicline/platform";

/** Error codes of the department ranking (clients branch on them). */
export const RankingErrorCode = {
  WEIGHTS_VERSION_NOT_FOUND: "SUPERVISION/WEIGHTS_VERSION_NOT_FOUND",
} as const;

/** Who reads the ranking: the centre's supervisors, leaders and admins. */
export const RANKING_READERS: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
/** Who changes the weights (a new version each time). */
export const RANKING_EDITORS: readonly Role[] = [Role.ADMIN];

export function weightsVersionNotFound(version: number): DomainError {
  const message = `There is no weights version ${version}; choose one from the list.`;
  return new DomainError(RankingErrorCode.WEIGHTS_VERSION_NOT_FOUND, message, { fields: [{ field: "weightsVersion", code: "UNKNOWN", message }] });
}
