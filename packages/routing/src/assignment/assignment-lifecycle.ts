import { tableAllows, tableHolds, updateState, type Actor, type Step, type TransitionTable } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { invalidState } from "../routing.errors.js";
import { recordRoutingEvent, type RoutingEventPayload, type RoutingEventType } from "../routing.events.js";
import { AssignmentState } from "./assignment.enums.js";
import { Assignment } from "./assignment.entity.js";

const S = AssignmentState;

/** What moves an assignment from one state to another. */
export const AssignmentAction = {
  /** The lead unit signs for the ticket (签收). */
  SIGN_FOR: "SIGN_FOR",
  /** The lead unit returns the ticket (退单); a dispatcher decides. */
  RETURN: "RETURN",
  /** A dispatcher rejects the return: the unit keeps the ticket and signs for it anew. */
  REJECT_RETURN: "REJECT_RETURN",
  /** A dispatcher accepts the return: the assignment ends (a re-dispatch opens a new one). */
  ACCEPT_RETURN: "ACCEPT_RETURN",
  /** The lead unit replies with the result (回复). */
  REPLY: "REPLY",
  /** Intake ended the ticket (merged, answered directly) while the assignment was still open. */
  END_WITH_TICKET: "END_WITH_TICKET",
} as const;
export type AssignmentAction = (typeof AssignmentAction)[keyof typeof AssignmentAction];

/** One allowed step: `action` takes the assignment to `to`. */
export type AssignmentTransition = Step<AssignmentState, AssignmentAction>;

/** The state every assignment starts in (a dispatch or a re-dispatch). */
export const INITIAL_ASSIGNMENT_STATE = S.DISPATCHED;

/** Every allowed state change. Nothing else in civicline assigns `assignment.state`. */
export const ASSIGNMENT_TRANSITIONS: TransitionTable<AssignmentState, AssignmentAction> = {
  [S.DISPATCHED]: [
    { action: AssignmentAction.SIGN_FOR, to: S.SIGNED_FOR },
    { action: AssignmentAction.RETURN, to: S.RETURN_REQUESTED },
    { action: AssignmentAction.END_WITH_TICKET, to: S.RETURNED },
  ],
  [S.SIGNED_FOR]: [
    { action: AssignmentAction.REPLY, to: S.REPLIED },
    { action: AssignmentAction.RETURN, to: S.RETURN_REQUESTED },
    { action: AssignmentAction.END_WITH_TICKET, to: S.RETURNED },
  ],
  [S.RETURN_REQUESTED]: [
    { action: AssignmentAction.REJECT_RETURN, to: S.DISPATCHED },
    { action: AssignmentAction.ACCEPT_RETURN, to: S.RETURNED },
    { action: AssignmentAction.END_WITH_TICKET, to: S.RETURNED },
  ],
  [S.REPLIED]: [],
  [S.RETURNED]: [],
};

/** Whether `action` may be taken from `from` (whatever it leads to). */
export function assignmentAllows(from: AssignmentState, action: AssignmentAction): boolean {
  return tableAllows(ASSIGNMENT_TRANSITIONS, from, action);
}

/** Whether the table holds the step from → to by `action`. */
export function canTransitionAssignment(from: AssignmentState, to: AssignmentState, action: AssignmentAction): boolean {
  return tableHolds(ASSIGNMENT_TRANSITIONS, from, to, action);
}

/** An assignment with no way out (replied, or returned and accepted): a new dispatch may supersede it. */
export function isAssignmentFinished(state: AssignmentState): boolean {
  return ASSIGNMENT_TRANSITIONS[state].length === 0;
}

/** The writer's check: ROUTING/INVALID_STATE (with from, to, action) unless the table holds the step. */
export function checkAssignmentTransition(step: { from: AssignmentState; to: AssignmentState; action: AssignmentAction }): void {
  if (!canTransitionAssignment(step.from, step.to, step.action)) {
    throw invalidState(`An assignment that is ${step.from} cannot become ${step.to} (${step.action}).`, { ...step });
  }
}

/** Assignment columns other than the state that a transition may write in the same update. */
export type AssignmentChanges = Partial<
  Pick<Assignment, "signedForAt" | "signedForByName" | "replyOutcome" | "replyText" | "repliedAt" | "repliedByName" | "replyAttachments">
>;

/**
 * Moves a (locked) assignment to `to` by `action` if the table allows it (ROUTING/INVALID_STATE
 * otherwise, nothing written), writing `changes` in the same update, guarded by the state read
 * (CONFLICT if the row moved meanwhile), and recording the routing event of the step. Updates and
 * returns the given object.
 */
export async function transitionAssignment(
  manager: EntityManager,
  input: {
    assignment: Assignment;
    to: AssignmentState;
    action: AssignmentAction;
    actor: Actor | null;
    changes?: AssignmentChanges;
    event: { type: RoutingEventType; payload: RoutingEventPayload };
  },
): Promise<Assignment> {
  const { assignment, to, action } = input;
  const from = assignment.state;
  checkAssignmentTransition({ from, to, action });
  const set = { ...input.changes, state: to };
  await updateState(manager, Assignment, { id: assignment.id, from, set });
  await recordRoutingEvent(manager, input.event.type, input.event.payload, input.actor?.id ?? null);
  return Object.assign(assignment, set);
}

/** An assignment's columns as a dispatch sets them; the lifecycle adds the state and `current`. */
export type NewAssignment = Omit<Partial<Assignment>, "id" | "state" | "current">;

/**
 * Opens the ticket's new current assignment in the initial state. `previous` (the ticket's latest
 * assignment, if any) must be finished (ROUTING/INVALID_STATE otherwise) and stops being current.
 */
export async function openAssignment(manager: EntityManager, input: { values: NewAssignment; previous: Assignment | null }): Promise<Assignment> {
  const { previous } = input;
  if (previous) {
    if (!isAssignmentFinished(previous.state)) {
      throw invalidState(`The ticket's assignment is still ${previous.state}; it cannot be dispatched again yet.`, { state: previous.state });
    }
    await manager.update(Assignment, { id: previous.id }, { current: false });
  }
  return manager.save(manager.create(Assignment, { ...input.values, current: true, state: INITIAL_ASSIGNMENT_STATE }));
}
