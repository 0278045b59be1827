import { tableAllows, tableHolds, updateState, type TransitionTable, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { MissedCallState } from "../callback.enums.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { checkStep } from "../shared/state-machine.js";
import { MissedCall } from "./missed-call.entity.js";

const S = MissedCallState;

/** What closes a missed call. */
export const MissedCallAction = {
  /** An agent called back and reached the caller. */
  REACH_CALLER: "REACH_CALLER",
  /** The last allowed try did not reach the caller. */
  GIVE_UP: "GIVE_UP",
} as const;
export type MissedCallAction = (typeof MissedCallAction)[keyof typeof MissedCallAction];

/** The state every missed call starts in. */
export const INITIAL_MISSED_CALL_STATE = S.OPEN;

/** Every allowed state change. Nothing else in civicline assigns `missedCall.state`. */
export const MISSED_CALL_TRANSITIONS: TransitionTable<MissedCallState, MissedCallAction> = {
  [S.OPEN]: [
    { action: MissedCallAction.REACH_CALLER, to: S.RETURNED },
    { action: MissedCallAction.GIVE_UP, to: S.UNREACHABLE },
  ],
  [S.RETURNED]: [],
  [S.UNREACHABLE]: [],
};

/** Whether `action` may be taken from `from`. */
export function missedCallAllows(from: MissedCallState, action: MissedCallAction): boolean {
  return tableAllows(MISSED_CALL_TRANSITIONS, from, action);
}

/** Whether the table holds the step from → to by `action`. */
export function canTransitionMissedCall(from: MissedCallState, to: MissedCallState, action: MissedCallAction): boolean {
  return tableHolds(MISSED_CALL_TRANSITIONS, from, to, action);
}

/** The writer's check: CALLBACK/INVALID_TRANSITION unless the table holds the step. */
export function checkMissedCallTransition(step: { from: MissedCallState; to: MissedCallState; action: MissedCallAction }): void {
  checkStep(MISSED_CALL_TRANSITIONS, "missed call", step);
}

/** Missed-call columns a closing writes together with the state. */
export type MissedCallChanges = Partial<Pick<MissedCall, "attempts" | "closedAt" | "closedByName" | "nextAttemptAt" | "ticketId">>;

/**
 * Moves a (locked) missed call to `to` by `action` if the table allows it
 * (CALLBACK/INVALID_TRANSITION otherwise, nothing written), with `changes` in the same update
 * guarded by the state read (CONFLICT if the row moved meanwhile), and records
 * `callback.missed_call_attempted` (payload `missedCallId`, `state`, plus `details`). Updates and
 * returns the given object.
 */
export async function transitionMissedCall(
  manager: EntityManager,
  input: { call: MissedCall; to: MissedCallState; action: MissedCallAction; actor: Actor | null; changes?: MissedCallChanges; details?: Record<string, unknown> },
): Promise<MissedCall> {
  const { call, to, action } = input;
  const from = call.state;
  checkMissedCallTransition({ from, to, action });
  const set = { ...input.changes, state: to };
  await updateState(manager, MissedCall, { id: call.id, from, set });
  await recordCallbackEvent(manager, CallbackEvent.MISSED_CALL_ATTEMPTED, { missedCallId: call.id, ...input.details, state: to }, input.actor?.id ?? null);
  return Object.assign(call, set);
}
