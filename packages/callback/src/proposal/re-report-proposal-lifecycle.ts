import { tableAllows, tableHolds, updateState, type TransitionTable, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { ReReportState } from "../callback.enums.js";
import { recordCallbackEvent, type CallbackEventType } from "../callback.events.js";
import { checkStep } from "../shared/state-machine.js";
import { ReReportProposal } from "./re-report-proposal.entity.js";

const S = ReReportState;

/** What settles a re-report proposal. */
export const ReReportAction = {
  /** A supervisor accepts: the ticket is dispatched again (续报). */
  ACCEPT: "ACCEPT",
  /** A supervisor declines: the ticket is closed with their note. */
  DECLINE: "DECLINE",
  /** The ticket left REPLIED another way before a decision. */
  WITHDRAW: "WITHDRAW",
} as const;
export type ReReportAction = (typeof ReReportAction)[keyof typeof ReReportAction];

/** The state every proposal starts in. */
export const INITIAL_RE_REPORT_STATE = S.PENDING;

/** Every allowed state change. Nothing else in civicline assigns `reReportProposal.state`. */
export const RE_REPORT_TRANSITIONS: TransitionTable<ReReportState, ReReportAction> = {
  [S.PENDING]: [
    { action: ReReportAction.ACCEPT, to: S.ACCEPTED },
    { action: ReReportAction.DECLINE, to: S.DECLINED },
    { action: ReReportAction.WITHDRAW, to: S.WITHDRAWN },
  ],
  [S.ACCEPTED]: [],
  [S.DECLINED]: [],
  [S.WITHDRAWN]: [],
};

/** Whether `action` may be taken from `from`. */
export function reReportAllows(from: ReReportState, action: ReReportAction): boolean {
  return tableAllows(RE_REPORT_TRANSITIONS, from, action);
}

/** Whether the table holds the step from → to by `action`. */
export function canTransitionReReport(from: ReReportState, to: ReReportState, action: ReReportAction): boolean {
  return tableHolds(RE_REPORT_TRANSITIONS, from, to, action);
}

/** The writer's check: CALLBACK/INVALID_TRANSITION unless the table holds the step. */
export function checkReReportTransition(step: { from: ReReportState; to: ReReportState; action: ReReportAction }): void {
  checkStep(RE_REPORT_TRANSITIONS, "re-report proposal", step);
}

/** Proposal columns a decision writes together with the state. */
export type ReReportChanges = Partial<Pick<ReReportProposal, "decidedAt" | "decidedById" | "decidedByName" | "decisionNote" | "newAssignmentId">>;

/**
 * Moves a (locked) proposal to `to` by `action` if the table allows it (CALLBACK/INVALID_TRANSITION
 * otherwise, nothing written), with `changes` in the same update guarded by the state read
 * (CONFLICT if the row moved meanwhile), and records the step's event. Updates and returns the
 * given object.
 */
export async function transitionReReportProposal(
  manager: EntityManager,
  input: {
    proposal: ReReportProposal;
    to: ReReportState;
    action: ReReportAction;
    actor: Actor | null;
    changes?: ReReportChanges;
    event: { type: CallbackEventType; payload: Record<string, unknown> };
  },
): Promise<ReReportProposal> {
  const { proposal, to, action } = input;
  const from = proposal.state;
  checkReReportTransition({ from, to, action });
  const set = { ...input.changes, state: to };
  await updateState(manager, ReReportProposal, { id: proposal.id, from, set });
  await recordCallbackEvent(manager, input.event.type, input.event.payload, input.actor?.id ?? null);
  return Object.assign(proposal, set);
}
