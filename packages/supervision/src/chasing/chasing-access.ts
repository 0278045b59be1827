import { ForbiddenError, ValidationError, Role, hasAnyRole, requireRole, type Actor } from "@civicline/platform";
import { CHASING_STAGES, ChasingStage } from "./chasing.enums.js";

/** Who reads the whole chasing board. */
export const CHASING_READERS: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
/** Dispatchers read the board's dispatch stage only (what waits for them). */
export const CHASING_DISPATCH_READERS: readonly Role[] = [Role.DISPATCHER];

/** The stages this viewer may read; FORBIDDEN for anyone else (handlers use their workbench). */
export function stagesFor(actorInput: Actor | null | undefined): readonly ChasingStage[] {
  const actor = requireRole(actorInput, [...CHASING_READERS, ...CHASING_DISPATCH_READERS]);
  return hasAnyRole(actor, CHASING_READERS) ? CHASING_STAGES : [ChasingStage.WAITING_DISPATCH];
}

/** The viewer may read this stage; FORBIDDEN otherwise. */
export function assertStageVisible(actor: Actor | null | undefined, stage: ChasingStage): void {
  if (!stagesFor(actor).includes(stage)) {
    throw new ForbiddenError("Dispatchers see only the tickets waiting for dispatch on the chasing board.");
  }
}

/** A cursor this list did not give out: BAD_USER_INPUT on `after`. */
export function badCursor(): ValidationError {
  return new ValidationError([{ field: "after", code: "INVALID_FORMAT", message: "This page link is not valid; open the list from its start." }]);
}
